import { CompatApi } from '@/lib/server/api/compat';
import { trainTask } from '@/lib/server/compat/seed000';
import { json } from '@/lib/server/platform/http';
import { handle } from '@/lib/server/platform/api-route';

export const GET = handle(CompatApi.trainTask, async ({ params }) => {
  const { status, body } = await trainTask(params.id);
  return json(body, status);
});
