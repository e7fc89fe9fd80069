import NextAuth from 'next-auth';
import { authOptions, clientIp, loginKey } from '@/lib/server/auth';
import { ApiError, errorResponse } from '@/lib/server/http';
import { loginLimiter } from '@/lib/server/rate-limit';

const nextAuth = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

export const GET = (req: Request, ctx: Ctx) => nextAuth(req, ctx);

/** Credential logins are rate-limited per email and address before next-auth sees them. */
export async function POST(req: Request, ctx: Ctx) {
  if (new URL(req.url).pathname.endsWith('/callback/credentials')) {
    const form = await req.clone().formData().catch(() => null);
    const email = String(form?.get('email') ?? '');
    const wait = loginLimiter.retryAfter(loginKey(email, clientIp(req.headers)));
    if (wait > 0) {
      const res = errorResponse(new ApiError(429, 'rate_limited', `Too many failed logins; retry in ${Math.ceil(wait / 1000)} s.`));
      res.headers.set('retry-after', String(Math.ceil(wait / 1000)));
      return res;
    }
  }
  return nextAuth(req, ctx);
}
