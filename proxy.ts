// Refuses cross-site unsafe requests that ride on a session cookie, then passes the requested path to
// server components, so the login redirect can return there.
import { NextResponse, type NextRequest } from 'next/server';
import { checkCsrf } from '@/lib/server/access/csrf';
import { guardRequest } from '@/lib/server/platform/request-guard';

export function proxy(req: NextRequest) {
  // Undecodable paths and unexported methods: a JSON 400/405 instead of Next's plain-text 500 or empty 405.
  const guarded = guardRequest(req.method, req.nextUrl.pathname);
  if (guarded) return NextResponse.json(guarded.body, { status: guarded.status, headers: guarded.headers });
  const host = req.headers.get('host');
  const csrf = checkCsrf({
    method: req.method,
    ownOrigin: host ? `${req.nextUrl.protocol}//${host}` : req.nextUrl.origin,
    trustedOrigins: [process.env.NEXTAUTH_URL],
    headers: req.headers,
  });
  if (!csrf.ok) return NextResponse.json({ error: { code: 'cross_site_request', message: csrf.message } }, { status: 403 });
  const headers = new Headers(req.headers);
  headers.set('x-vigil-path', req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

// API routes too: the cross-site check covers every unsafe request, next-auth's and the seed routes included.
export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
