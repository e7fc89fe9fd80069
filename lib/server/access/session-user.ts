// The person behind a session cookie, re-read from the database on every request: role changes apply at once,
// and a session signed in before the user's sessionsValidFrom (disable, password reset or change) is refused.
import { db } from '../platform/db';
import type { Principal } from './principal';
import { isUsableAccount, userPrincipal } from './users';

export interface SessionUser { principal: Principal; mustChangePassword: boolean }

/** `signedInAt` is the sign-in instant (ms) carried in the session token; sessions without one predate it. */
export async function activeSessionUser(uid: string, signedInAt: number | undefined): Promise<SessionUser | null> {
  const user = await db().user.findUnique({ where: { id: uid } });
  if (!user || user.disabledAt || !isUsableAccount(user.email)) return null;
  if (user.sessionsValidFrom && !(typeof signedInAt === 'number' && signedInAt >= user.sessionsValidFrom.getTime())) return null;
  return { principal: userPrincipal(user), mustChangePassword: user.mustChangePassword };
}

/** Without next-auth's cookie there is no session: callers skip next-auth (and its request-scoped headers()). */
export const hasSessionCookie = (req: Request) => /(^|;\s*)(__Secure-)?next-auth\.session-token(\.\d+)?=/.test(req.headers.get('cookie') ?? '');
