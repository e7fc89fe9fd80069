import { IdParam } from '@/lib/schemas/common';
import { UpdateUserInput } from '@/lib/schemas/users';
import { getUser, updateUser } from '@/lib/server/access/users-admin';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, readJson, route } from '@/lib/server/http';

type Ctx = { params: Promise<{ id: string }> };

export const GET = route<Ctx>(async (req, ctx) => {
  await requireScope(req, 'users:manage');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  return json(await getUser(id));
});

/** Name, role and disabled; disabling ends the user's sessions and revokes their tokens at once. */
export const PUT = route<Ctx>(async (req, ctx) => {
  const who = await requireScope(req, 'users:manage');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  const input = await readJson(req, UpdateUserInput, 10_000);
  return json(await updateUser(id, input, who));
});
