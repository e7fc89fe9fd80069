import { RollbackInput } from '@/lib/schemas/models';
import { requireScope } from '@/lib/server/auth';
import { json, readJson, route } from '@/lib/server/http';
import { rollback, servingSlot } from '@/lib/server/models';

export const POST = route(async (req) => {
  const who = await requireScope(req, 'models:promote');
  const { kind, model, note } = await readJson(req, RollbackInput, 10_000);
  return json(await rollback(servingSlot(kind, model ?? ''), note ?? null, who));
});
