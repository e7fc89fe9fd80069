// Alerts on estimated performance: a day's CBPE precision or recall below the settings' floor raises a
// 'performance' alert at once, weeks before the chargebacks that would show it in the realised metrics.
import { raiseAlerts } from '../alerts/alerts';
import { db } from '../platform/db';
import { getMonitorSettings } from './monitor-settings';
import { estimateDayCached, type Scope } from './performance-estimate';
import { DAY_MS, utcDay } from '../platform/days';

const METRICS = ['precision', 'recall'] as const;

const scopeName = (s: Scope) => s.eventType ?? s.kind;
// The title is also the once-per-day key: everything before the value, and everything after it.
const titleHead = (metric: string) => `Estimated ${metric} `;
const titleTail = (s: Scope, day: string) => ` for ${scopeName(s)} on ${day} (no labels needed)`;

/**
 * Checks the last `days` complete UTC days (default: yesterday) and raises one alert per day, scope and
 * metric whose estimate is below its floor. Days with fewer scored items than minLabels are skipped:
 * an estimate from a handful of items is noise. Returns the titles raised.
 */
export async function checkEstimatedPerformance(scope: Scope, opts: { now?: Date; days?: number } = {}): Promise<string[]> {
  const s = await getMonitorSettings(scope.eventType ? `event:${scope.eventType}` : scope.kind);
  const floors = { precision: s.precisionTarget, recall: s.recallTarget };
  if (floors.precision === null && floors.recall === null) return [];
  const today = utcDay(opts.now ?? new Date());
  const raised: string[] = [];
  for (let back = opts.days ?? 1; back >= 1; back--) {
    const start = new Date(today.getTime() - back * DAY_MS);
    const day = start.toISOString().slice(0, 10);
    const { estimated } = await estimateDayCached(scope, start, s.minLabels);
    if (!estimated || estimated.n < s.minLabels) continue;
    for (const metric of METRICS) {
      const value = estimated[metric], floor = floors[metric];
      if (value === null || floor === null || value >= floor) continue;
      const seen = await db().alert.findFirst({ where: { type: 'performance', title: { startsWith: titleHead(metric), endsWith: titleTail(scope, day) } }, select: { id: true } });
      if (seen) continue;
      const title = `${titleHead(metric)}${value.toFixed(2)} is below the floor ${floor.toFixed(2)}${titleTail(scope, day)}`;
      await raiseAlerts([{ type: 'performance', severity: 'warning', title, payload: { ...scope, day, metric, estimated, floor, method: 'cbpe' } }]);
      raised.push(title);
    }
  }
  return raised;
}

/** The same check for every event type whose settings set a floor (the scheduled performance check runs it). */
export async function checkEventTypeEstimates(opts: { now?: Date; days?: number } = {}): Promise<string[]> {
  const rows = await db().monitorSetting.findMany({
    where: { kind: { startsWith: 'event:' }, OR: [{ precisionTarget: { not: null } }, { recallTarget: { not: null } }] },
    orderBy: { kind: 'asc' }, select: { kind: true },
  });
  const raised: string[] = [];
  // The kind is a placeholder: an event type's rows are selected by its name alone.
  for (const r of rows) for (const t of await checkEstimatedPerformance({ kind: 'transaction', eventType: r.kind.slice('event:'.length) }, opts)) raised.push(t);
  return raised;
}
