import NextAuth from 'next-auth';
import { gateCredentialsLogin } from '@/lib/server/access/password-login';
import { authOptions } from '@/lib/server/access/auth';

const nextAuth = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

export const GET = (req: Request, ctx: Ctx) => nextAuth(req, ctx);

/** Password sign-ins pass the login throttle (429 or a delay) before next-auth sees them. */
export async function POST(req: Request, ctx: Ctx) {
  if (new URL(req.url).pathname.endsWith('/callback/credentials')) {
    const refused = await gateCredentialsLogin(req);
    if (refused) return refused;
  }
  return nextAuth(req, ctx);
}
