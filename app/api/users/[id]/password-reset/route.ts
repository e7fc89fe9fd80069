import { resetPassword } from '@/lib/server/access/users-admin';
import { AccessApi } from '@/lib/server/api/access';
import { handle } from '@/lib/server/platform/api-route';

/** A temporary password, in this answer only; the user's sessions end and the next sign-in must change it. */
export const POST = handle(AccessApi.resetPassword, async ({ params, principal }) => resetPassword(params.id, principal));
