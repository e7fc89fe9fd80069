import { AccessApi } from '@/lib/server/api/access';
import { handle } from '@/lib/server/platform/api-route';
import { revokeToken } from '@/lib/server/access/tokens';

export const DELETE = handle(AccessApi.revokeToken, async ({ params, principal }) => revokeToken(params.id, principal));
