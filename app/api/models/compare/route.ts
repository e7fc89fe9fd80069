import { ModelsApi } from '@/lib/server/api/models';
import { compareVersions } from '@/lib/server/registry/compare';
import { handle } from '@/lib/server/platform/api-route';

export const GET = handle(ModelsApi.compare, async ({ query }) => compareVersions(query.ids));
