import { createUserAsAdmin, listUsers } from '@/lib/server/access/users-admin';
import { AccessApi } from '@/lib/server/api/access';
import { handle } from '@/lib/server/platform/api-route';

export const GET = handle(AccessApi.listUsers, async () => ({ users: await listUsers() }));

/** Without a password, the answer carries a temporary one, shown once and changed at first sign-in. */
export const POST = handle(AccessApi.createUser, async ({ body, principal }) => createUserAsAdmin(body, principal));
