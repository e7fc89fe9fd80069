import { IdParam } from '@/lib/schemas/common';
import { resetPassword } from '@/lib/server/access/users-admin';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';

/** A temporary password, in this answer only; the user's sessions end and the next sign-in must change it. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const who = await requireScope(req, 'users:manage');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  return json(await resetPassword(id, who));
});
