import { changeOwnPassword } from '@/lib/server/access/users-admin';
import { hasSessionCookie } from '@/lib/server/access/session-user';
import { AccessApi } from '@/lib/server/api/access';
import { sessionUser } from '@/lib/server/access/auth';
import { ApiError, unauthorized } from '@/lib/server/platform/http';
import { handle } from '@/lib/server/platform/api-route';

/** The signed-in person's own password (allowed while a change is required). Every session ends; sign in again. */
export const POST = handle(AccessApi.changePassword, async ({ req, readBody }) => {
  if (req.headers.get('authorization')) throw new ApiError(403, 'session_required', 'API tokens have no password; sign in to change yours.');
  const user = hasSessionCookie(req) ? await sessionUser() : null;
  if (!user) throw unauthorized();
  return { user: await changeOwnPassword(user.principal, await readBody()) };
});
