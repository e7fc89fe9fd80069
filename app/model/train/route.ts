import { CompatApi } from '@/lib/server/api/compat';
import { trainFromSeedBody } from '@/lib/server/compat/seed000';
import { handle } from '@/lib/server/platform/api-route';

export const POST = handle(CompatApi.train, async ({ body, principal }) => trainFromSeedBody(body, principal));
