import { CompatApi } from '@/lib/server/api/compat';
import { registryOne } from '@/lib/server/compat/seed000';
import { handle } from '@/lib/server/platform/api-route';

export const GET = handle(CompatApi.registryOne, async ({ params }) => registryOne(params.id));
