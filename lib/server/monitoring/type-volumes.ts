// Volume and flag rate of every type (legacy kinds and event types) per UTC day over the last 14 days, with
// the window's and today's totals. One grouped query per table (by type and day), never a loop over types.
import { LEGACY_KIND_TYPES, type DayVolume, type TypeVolume, type WindowVolume } from '@/lib/schemas/scope';
import { db } from '../platform/db';
import { dbProvider } from '../platform/env';
import { DAY_MS } from '../platform/days';

export const VOLUME_DAYS = 14;

interface DayRow { scope: string; day: string; total: number | bigint; flagged: number | bigint | null }

/** Windows are UTC days: the 14 days ending today (today included), and today alone; both end at the end of today. */
export function volumeWindows(now = new Date()) {
  const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const end = new Date(todayStart + DAY_MS);
  return { last14: { gte: new Date(todayStart - (VOLUME_DAYS - 1) * DAY_MS), lt: end }, today: { gte: new Date(todayStart), lt: end } };
}

/** Rows per (scope, UTC day). SQLite keeps DateTime as ISO text, Postgres as timestamp(3) in UTC. */
async function dailyRows(from: Date, to: Date): Promise<DayRow[]> {
  const pg = dbProvider() === 'postgres';
  const day = pg ? `to_char("occurredAt", 'YYYY-MM-DD')` : `substr("occurredAt", 1, 10)`;
  const [a, b] = pg ? ['$1', '$2'] : ['?', '?'];
  const args = pg ? [from, to] : [from.toISOString(), to.toISOString()];
  const counts = `${day} AS day, count(*) AS total, sum(CASE WHEN decision IN ('review', 'block') THEN 1 ELSE 0 END) AS flagged`;
  const window = `"occurredAt" >= ${a} AND "occurredAt" < ${b}`;
  return db().$queryRawUnsafe<DayRow[]>(`SELECT "eventType" AS scope, ${counts} FROM "Event" WHERE ${window} GROUP BY 1, 2`, ...args);
}

const windowOf = (days: DayVolume[]): WindowVolume => {
  let total = 0, flagged = 0;
  for (const d of days) { total += d.total; flagged += d.flagged; }
  return { total, flagged, flagRate: total ? flagged / total : null };
};

export async function typeVolumes(now = new Date()): Promise<TypeVolume[]> {
  const { last14 } = volumeWindows(now);
  const days = Array.from({ length: VOLUME_DAYS }, (_, i) => new Date(last14.gte.getTime() + i * DAY_MS).toISOString().slice(0, 10));
  const series = new Map<string, Map<string, DayVolume>>();
  for (const r of await dailyRows(last14.gte, last14.lt)) {
    if (!series.has(r.scope)) series.set(r.scope, new Map());
    series.get(r.scope)!.set(r.day, { day: r.day, total: Number(r.total), flagged: Number(r.flagged ?? 0) });
  }
  const volumeOf = (key: string) => {
    const byDay = series.get(key);
    const daily = days.map((day) => byDay?.get(day) ?? { day, total: 0, flagged: 0 });
    return { last14: windowOf(daily), today: windowOf(daily.slice(-1)), daily };
  };
  // Card payments and email checks are listed even when quiet: they are what a fresh install scores first.
  const types = [...new Set([...Object.values(LEGACY_KIND_TYPES), ...series.keys()])].sort();
  return types.map((eventType) => ({ scope: { eventType }, ...volumeOf(eventType) }));
}
