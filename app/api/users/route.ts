import { CreateUserInput } from '@/lib/schemas/users';
import { createUserAsAdmin, listUsers } from '@/lib/server/access/users-admin';
import { requireScope } from '@/lib/server/auth';
import { json, readJson, route } from '@/lib/server/http';

export const GET = route(async (req) => {
  await requireScope(req, 'users:manage');
  return json({ users: await listUsers() });
});

/** Without a password, the answer carries a temporary one, shown once and changed at first sign-in. */
export const POST = route(async (req) => {
  const who = await requireScope(req, 'users:manage');
  const input = await readJson(req, CreateUserInput, 10_000);
  return json(await createUserAsAdmin(input, who), 201);
});
