// Which features a drift window can compare fairly with the training baseline, and how.
//
// Calendar features (hour, weekday, day of month, month of the event's time) are compared with a
// PERIOD-MATCHED baseline, the baseline's shares restricted to the bins the window can hold, renormalised,
// and are SHOWN BUT DO NOT ALERT. Against the raw baseline a one-day window holds one weekday against seven
// (PSI 6–9 on stationary traffic). Even period-matched they measure the calendar, not the traffic: the
// baseline is the validation split, the last few days of training, so its hour and weekday mix is that of a
// few partial days (hours of 2.4 days: PSI 0.1–0.2 against every stationary day). A real shift of hours
// (bot traffic at 3 a.m.) still shows, red in the heatmap, and moves the score and the other features.
// The bins kept are those the window's clock covers, plus any bin the window's values fall in: when the
// featuriser's time matches the window's clock the second set is inside the first; when it does not (a
// payload time that differs from the stored time) nothing is hidden by a wrong guess.
//
// Online history features (`<column>.<key>_seen`, `<column>.<key>_fraud_rate`, features/history.ts) are
// counted over earlier rows in training but read from tables frozen at training when serving: the two
// distributions differ by construction, so they are shown but do not alert.

import { type BaselineFeature, binIndex, type DriftThresholds, DEFAULT_THRESHOLDS, type FeatureDrift, featureDrift } from './drift';
import { hourMatchedBaseline } from './drift-hours';

export type CalendarUnit = 'hour' | 'weekday' | 'day_of_month' | 'month';

export type FeatureRole = { kind: 'calendar'; unit: CalendarUnit } | { kind: 'online_history' } | { kind: 'plain' };

const UNIT_OF: Record<string, CalendarUnit> = {
  hour: 'hour', hour_of_day: 'hour', weekday: 'weekday', dow: 'weekday', day_of_week: 'weekday',
  day_of_month: 'day_of_month', dom: 'day_of_month', month: 'month',
};

/** The featurisers' conventions: UTC, getUTCDay for weekdays (Sunday = 0); months and days of month from 1. */
const VALUE_AT: Record<CalendarUnit, (d: Date) => number> = {
  hour: (d) => d.getUTCHours(),
  weekday: (d) => d.getUTCDay(),
  day_of_month: (d) => d.getUTCDate(),
  month: (d) => d.getUTCMonth() + 1,
};

/** historyFeatureNames' output after its column prefix (key kinds of email and IP columns). */
const HISTORY_RE = /(^|\.)(ip|ip24|ip16|ip8|address|domain)_(seen|fraud_rate)$/;

const HOUR = 3_600_000;
/** A window longer than this covers every value of every unit anyway (a year of hours). */
const MAX_HOURS = 24 * 366;

/**
 * The role of a feature by name. `timeColumns`: the columns that hold the event's own time (a `<column>.hour`
 * of another datetime column, say a signup date, is an ordinary feature); null when unknown (every one counts).
 */
export function featureRole(name: string, timeColumns: readonly string[] | null = null): FeatureRole {
  if (HISTORY_RE.test(name)) return { kind: 'online_history' };
  const dot = name.lastIndexOf('.');
  const unit = UNIT_OF[dot < 0 ? name : name.slice(dot + 1)];
  if (!unit) return { kind: 'plain' };
  if (dot >= 0 && timeColumns && !timeColumns.includes(name.slice(0, dot))) return { kind: 'plain' };
  return { kind: 'calendar', unit };
}

/** The model's hour-of-day feature of the event's own time, if it has one (`hour`, `<time column>.hour`). */
export function hourFeatureOf(names: readonly string[], timeColumns: readonly string[] | null): string | null {
  for (const name of names) {
    const role = featureRole(name, timeColumns);
    if (role.kind === 'calendar' && role.unit === 'hour') return name;
  }
  return null;
}

/** Values of `unit` that [start, end) holds, hour by hour (UTC). */
export function coveredValues(unit: CalendarUnit, start: Date, end: Date): Set<number> {
  const out = new Set<number>();
  const first = Math.floor(start.getTime() / HOUR) * HOUR;
  const last = Math.min(end.getTime(), first + MAX_HOURS * HOUR);
  for (let t = first; t < last; t += HOUR) out.add(VALUE_AT[unit](new Date(t)));
  return out;
}

/**
 * The baseline restricted to the bins of `covered` values and the bins where `counts` has any value, with its
 * present shares renormalised (missing share kept); null when the baseline has nothing in those bins.
 */
export function periodMatchedBaseline(f: BaselineFeature, covered: Iterable<number>, counts: readonly number[]): BaselineFeature | null {
  const keep = new Set<number>();
  for (const v of covered) keep.add(binIndex(v, f.edges));
  counts.forEach((n, b) => { if (n > 0) keep.add(b); });
  let sum = 0;
  for (const b of keep) sum += f.shares[b] ?? 0;
  if (!(sum > 0)) return null;
  return { ...f, shares: f.shares.map((s, b) => (keep.has(b) ? s / sum : 0)) };
}

export interface WindowContext {
  start: Date; end: Date; timeColumns: readonly string[] | null;
  /** The window's counts on the bins of the baseline's hour feature: plain features are then hour-matched. */
  hourCounts?: readonly number[];
}

/**
 * featureDrift with the feature's role applied: plain features hour-matched when the baseline allows
 * (drift-hours.ts), period-matched calendar features, non-alerting history features.
 */
export function windowFeatureDrift(
  baseline: BaselineFeature,
  current: { counts: readonly number[]; missing: number; total: number },
  ctx: WindowContext,
  thresholds: DriftThresholds = DEFAULT_THRESHOLDS,
): FeatureDrift {
  const role = featureRole(baseline.name, ctx.timeColumns);
  if (role.kind === 'online_history') {
    return { ...featureDrift(baseline, current, thresholds), basis: 'not_compared', alerting: false, note: 'online history: counted over earlier rows in training, read from the tables frozen at training when serving; not compared' };
  }
  if (role.kind === 'plain') {
    const matched = baseline.byHour && ctx.hourCounts ? hourMatchedBaseline(baseline, baseline.byHour, ctx.hourCounts) : null;
    if (!matched) return { ...featureDrift(baseline, current, thresholds), basis: 'baseline', alerting: true };
    return {
      ...featureDrift(matched.feature, current, thresholds, matched.rows), basis: 'time_of_day', alerting: true,
      note: 'compared with the baseline reweighted to the window\'s hours of the day',
    };
  }
  const matched = periodMatchedBaseline(baseline, coveredValues(role.unit, ctx.start, ctx.end), current.counts);
  if (!matched) {
    return { ...featureDrift(baseline, current, thresholds), basis: 'not_compared', alerting: false, note: `calendar (${role.unit}): the training baseline has no traffic in this period; not compared` };
  }
  return { ...featureDrift(matched, current, thresholds), basis: 'period', alerting: false, note: `calendar (${role.unit}): compared with the matching period of the baseline; shown, not counted` };
}
