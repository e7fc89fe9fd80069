import { ModelsApi } from '@/lib/server/api/models';
import { listModels } from '@/lib/server/registry/models';
import { handle } from '@/lib/server/platform/api-route';

export const GET = handle(ModelsApi.list, async () => ({ models: await listModels() }));
