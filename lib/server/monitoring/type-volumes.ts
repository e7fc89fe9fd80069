// Volume and flag rate of every type (legacy kinds and event types) over the last 14 UTC days and today.
// Events: one query grouped by type and decision per window; transactions: one per legacy kind and window
// (their kind is a column test, not a groupable value). Never a loop of scans over types.
import { LEGACY_KINDS, type TypeVolume, type WindowVolume } from '@/lib/schemas/scope';
import { kindWhere } from '../backtest';
import { db } from '../db';

const DAY_MS = 86_400_000;
export const VOLUME_DAYS = 14;
const FLAGGED = new Set(['review', 'block']);


interface Group { decision: string | null; _count: { _all: number } }

function summarise(groups: Group[]): WindowVolume {
  let total = 0, flagged = 0;
  for (const g of groups) {
    total += g._count._all;
    if (g.decision && FLAGGED.has(g.decision)) flagged += g._count._all;
  }
  return { total, flagged, flagRate: total ? flagged / total : null };
}

/** Windows are UTC days: the 14 days ending today (today included), and today alone; both end at the end of today. */
export function volumeWindows(now = new Date()) {
  const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const end = new Date(todayStart + DAY_MS);
  return { last14: { gte: new Date(todayStart - (VOLUME_DAYS - 1) * DAY_MS), lt: end }, today: { gte: new Date(todayStart), lt: end } };
}

export async function typeVolumes(now = new Date()): Promise<TypeVolume[]> {
  const client = db();
  const windows = volumeWindows(now);
  const eventsIn = (occurredAt: { gte: Date; lt: Date }) =>
    client.event.groupBy({ by: ['eventType', 'decision'], where: { occurredAt }, _count: { _all: true } });
  const legacyIn = (kind: string, occurredAt: { gte: Date; lt: Date }) =>
    client.transaction.groupBy({ by: ['decision'], where: { ...kindWhere(kind), occurredAt }, _count: { _all: true } });
  const [events14, eventsToday, legacy] = await Promise.all([
    eventsIn(windows.last14),
    eventsIn(windows.today),
    Promise.all(LEGACY_KINDS.map(async (kind) => ({ kind, last14: await legacyIn(kind, windows.last14), today: await legacyIn(kind, windows.today) }))),
  ]);
  const byType = (groups: (Group & { eventType: string })[]) => {
    const map = new Map<string, Group[]>();
    for (const g of groups) {
      if (!map.has(g.eventType)) map.set(g.eventType, []);
      map.get(g.eventType)!.push(g);
    }
    return map;
  };
  const last14 = byType(events14), today = byType(eventsToday);
  return [
    ...legacy.map((l) => ({ scope: { kind: l.kind }, last14: summarise(l.last14), today: summarise(l.today) })),
    ...[...last14.keys()].sort().map((eventType) => ({ scope: { eventType }, last14: summarise(last14.get(eventType)!), today: summarise(today.get(eventType) ?? []) })),
  ];
}
