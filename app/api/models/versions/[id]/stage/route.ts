import { ModelsApi } from '@/lib/server/api/models';
import { setStage } from '@/lib/server/registry/models';
import { handle } from '@/lib/server/platform/api-route';

export const POST = handle(ModelsApi.stage, async ({ params, body, principal }) => setStage(params.id, body.stage, body.note, principal));
