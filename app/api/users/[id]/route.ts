import { getUser, updateUser } from '@/lib/server/access/users-admin';
import { AccessApi } from '@/lib/server/api/access';
import { handle } from '@/lib/server/platform/api-route';

export const GET = handle(AccessApi.getUser, async ({ params }) => getUser(params.id));

/** Name, role and disabled; disabling ends the user's sessions and revokes their tokens at once. */
export const PUT = handle(AccessApi.updateUser, async ({ params, body, principal }) => updateUser(params.id, body, principal));
