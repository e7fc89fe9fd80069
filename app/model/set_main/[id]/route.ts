import { CompatApi } from '@/lib/server/api/compat';
import { setMain } from '@/lib/server/compat/seed000';
import { handle } from '@/lib/server/platform/api-route';

export const PUT = handle(CompatApi.setMain, async ({ params, principal }) => setMain(params.id, principal));
