import { ModelsApi } from '@/lib/server/api/models';
import { eventSlot } from '@/lib/server/events';
import { rollback, servingSlot } from '@/lib/server/registry/models';
import { handle } from '@/lib/server/platform/api-route';

export const POST = handle(ModelsApi.rollback, async ({ body, principal }) => {
  const { kind, eventType, model, note } = body;
  const slot = eventType ? eventSlot(eventType) : servingSlot(kind!, model ?? '');
  return rollback(slot, note ?? null, principal);
});
