import { AccessApi } from '@/lib/server/api/access';
import { handle } from '@/lib/server/platform/api-route';
import { createToken, listTokens } from '@/lib/server/access/tokens';

export const GET = handle(AccessApi.listTokens, async () => ({ tokens: await listTokens() }));

export const POST = handle(AccessApi.createToken, async ({ body, principal }) => createToken(body, principal));
