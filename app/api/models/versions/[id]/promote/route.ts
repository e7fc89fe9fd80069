import { ModelsApi } from '@/lib/server/api/models';
import { setStage } from '@/lib/server/registry/models';
import { handle } from '@/lib/server/platform/api-route';

/** Promote to production (engineer or admin, with a note); the previous production version is archived. */
export const POST = handle(ModelsApi.promote, async ({ params, body, principal }) => setStage(params.id, 'production', body.note, principal));
