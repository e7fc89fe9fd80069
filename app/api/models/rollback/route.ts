import { RollbackInput } from '@/lib/schemas/models';
import { requireScope } from '@/lib/server/auth';
import { eventSlot } from '@/lib/server/events';
import { json, readJson, route } from '@/lib/server/http';
import { rollback, servingSlot } from '@/lib/server/models';

export const POST = route(async (req) => {
  const who = await requireScope(req, 'models:promote');
  const { kind, eventType, model, note } = await readJson(req, RollbackInput, 10_000);
  const slot = eventType ? eventSlot(eventType) : servingSlot(kind!, model ?? '');
  return json(await rollback(slot, note ?? null, who));
});
