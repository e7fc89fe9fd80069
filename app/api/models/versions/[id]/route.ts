import { ModelsApi } from '@/lib/server/api/models';
import { getVersion, versionHistory } from '@/lib/server/registry/models';
import { handle } from '@/lib/server/platform/api-route';

export const GET = handle(ModelsApi.version, async ({ params }) => ({ version: await getVersion(params.id), history: await versionHistory(params.id) }));
