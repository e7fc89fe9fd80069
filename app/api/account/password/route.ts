import { ChangePasswordInput } from '@/lib/schemas/users';
import { changeOwnPassword } from '@/lib/server/access/users-admin';
import { hasSessionCookie } from '@/lib/server/access/session-user';
import { sessionUser } from '@/lib/server/auth';
import { ApiError, json, readJson, route, unauthorized } from '@/lib/server/http';

/** The signed-in person's own password (allowed while a change is required). Every session ends; sign in again. */
export const POST = route(async (req) => {
  if (req.headers.get('authorization')) throw new ApiError(403, 'session_required', 'API tokens have no password; sign in to change yours.');
  const user = hasSessionCookie(req) ? await sessionUser() : null;
  if (!user) throw unauthorized();
  const input = await readJson(req, ChangePasswordInput, 10_000);
  return json({ user: await changeOwnPassword(user.principal, input) });
});
