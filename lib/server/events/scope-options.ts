// The scopes a monitoring or review page can pick: every event type that has stored events or a model.
// Counts come from one grouped query (never a loop over types).
import type { ScopeOption } from '@/lib/schemas/scope';
import { db } from '../platform/db';

export async function scopeOptions(): Promise<ScopeOption[]> {
  const client = db();
  const [eventCounts, versions] = await Promise.all([
    client.event.groupBy({ by: ['eventType'], _count: { _all: true } }),
    // Only the slots and stages of non-archived versions; the artefacts stay in the database.
    client.modelVersion.findMany({ where: { stage: { not: 'archived' } }, select: { id: true, servingSlot: true, kind: true, eventType: true, stage: true }, orderBy: { promotedAt: 'asc' } }),
  ]);
  const stagesBySlot = new Map<string, Set<string>>();
  const modelTypes = new Set<string>();
  const production = new Map<string, string>();
  for (const v of versions) {
    if (v.stage === 'production') production.set(v.servingSlot, v.id);
    if (!stagesBySlot.has(v.servingSlot)) stagesBySlot.set(v.servingSlot, new Set());
    stagesBySlot.get(v.servingSlot)!.add(v.stage);
    if (v.eventType) modelTypes.add(v.eventType);
  }
  const flags = (slot: string) => ({
    hasProduction: production.has(slot), productionId: production.get(slot) ?? null, hasShadow: stagesBySlot.get(slot)?.has('shadow') ?? false,
  });
  const counts = new Map(eventCounts.map((g) => [g.eventType, g._count._all]));
  const types = [...new Set([...counts.keys(), ...modelTypes])].sort();
  return types.map((eventType) => ({ scope: { eventType }, items: counts.get(eventType) ?? 0, ...flags(`event:${eventType}`) }));
}
