// Backtest of an event model: the type's labelled events through the version, with the aggregates each event
// was stored with (by name; one the stored definition did not compute is missing, as at scoring without state).
import type { Row } from '@/lib/ml/features';
import type { BacktestInput } from '@/lib/schemas/monitoring';
import type { Replay } from '../monitoring/backtest';
import { db } from '../platform/db';
import { ApiError } from '../platform/http';
import { loadVersion } from '../registry/models';
import { modelDefinition } from './serving';
import { fromExactJson } from './state';
import { aggregateName } from '@/lib/ml/events/aggregates';

export async function replayLabelledEvents(versionId: string, opts: Partial<BacktestInput> = {}): Promise<Replay> {
  const v = await db().modelVersion.findUniqueOrThrow({ where: { id: versionId }, select: { eventType: true } });
  if (!v.eventType) throw new ApiError(422, 'unsupported_kind', 'This event model records no event type.');
  const labelled = (await db().event.findMany({
    where: { eventType: v.eventType, label: { not: null }, occurredAt: { ...(opts.from ? { gte: opts.from } : {}), ...(opts.to ? { lt: opts.to } : {}) } },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: opts.limit ?? 20_000,
    select: { id: true, label: true, occurredAt: true, payload: true, features: true },
  })).reverse();
  const y = Uint8Array.from(labelled, (e) => (e.label === 'fraud' ? 1 : 0));
  const range = { from: labelled[0]?.occurredAt ?? null, to: labelled.at(-1)?.occurredAt ?? null };
  if (!labelled.length) return { ids: [], y, p: new Float64Array(0), ...range };
  const model = await loadVersion(versionId);
  const names = modelDefinition(model).aggregates.map(aggregateName);
  const stored = labelled.map((e) => fromExactJson<Record<string, number | null> | null>(e.features) ?? {});
  const aggregates = names.map((name) => stored.map((f) => (typeof f[name] === 'number' ? f[name] : NaN)));
  return { ids: labelled.map((e) => e.id), y, p: model.scoreRows(labelled.map((e) => e.payload as Row), { aggregates }), ...range };
}
