// Period-matched calendar features and non-alerting history features (drift-context.ts), on generated traffic.
import { describe, expect, it } from 'vitest';
import { BinCounter, featureDrift, summariseDrift } from './drift';
import { coveredValues, featureRole, periodMatchedBaseline, windowFeatureDrift } from './drift-context';
import { buildBaseline } from './model-load';
import { createRng } from './rng';

describe('period-matched calendar features and non-alerting history features', () => {
  const HOUR = 3_600_000;
  const JAN5 = Date.UTC(2026, 0, 5); // a Monday
  // 28 days of stationary traffic, one event every 7 minutes, with hour and weekday as the featurisers compute them.
  const times = Array.from({ length: Math.floor((28 * 24 * 60) / 7) }, (_, i) => JAN5 + i * 7 * 60_000);
  const rng = createRng(5);
  const amounts = times.map(() => Math.exp(3 + rng.normal()));
  const X = {
    nRows: times.length, categorical: [false, false, false, false],
    names: ['created_at.hour', 'created_at.weekday', 'order_price', 'email.domain_fraud_rate'],
    columns: [
      Float64Array.from(times, (t) => new Date(t).getUTCHours()), Float64Array.from(times, (t) => new Date(t).getUTCDay()),
      Float64Array.from(amounts), Float64Array.from(times, (_, i) => (i < times.length / 2 ? 0.01 : 0.02)),
    ],
  };
  const baseline = buildBaseline(X, new Float64Array(times.length).fill(0.1), new Uint8Array(times.length), []);
  const feature = (name: string) => baseline.features.find((f) => f.name === name)!;
  /** Counts of a window's rows (an index range) on a baseline feature's edges. */
  const countsOf = (name: string, from: number, to: number, map: (v: number) => number = (v) => v) => {
    const c = new BinCounter(feature(name).edges);
    const j = X.names.indexOf(name);
    for (let i = from; i < to; i++) c.add(map(X.columns[j][i]));
    return c;
  };
  const rowAt = (t: number) => { const i = times.findIndex((x) => x >= t); return i < 0 ? times.length : i; };
  const dayRows = (d: number) => [rowAt(JAN5 + d * 24 * HOUR), rowAt(JAN5 + (d + 1) * 24 * HOUR)] as const;
  const ctx = (d: number, days = 1) => ({ start: new Date(JAN5 + d * 24 * HOUR), end: new Date(JAN5 + (d + days) * 24 * HOUR), timeColumns: ['created_at'] });

  it('classifies calendar, history and plain features by name (other datetime columns are plain)', () => {
    expect(featureRole('hour')).toEqual({ kind: 'calendar', unit: 'hour' });
    expect(featureRole('weekday')).toEqual({ kind: 'calendar', unit: 'weekday' });
    expect(featureRole('created_at.weekday', ['created_at'])).toEqual({ kind: 'calendar', unit: 'weekday' });
    expect(featureRole('signup_at.weekday', ['created_at'])).toEqual({ kind: 'plain' });
    expect(featureRole('signup_at.dow')).toEqual({ kind: 'calendar', unit: 'weekday' });
    expect(featureRole('email.domain_fraud_rate')).toEqual({ kind: 'online_history' });
    expect(featureRole('ip.ip24_seen')).toEqual({ kind: 'online_history' });
    expect(featureRole('customer.count_1h')).toEqual({ kind: 'plain' });
    expect(featureRole('order_price')).toEqual({ kind: 'plain' });
  });

  it('covers the window\'s values hour by hour, bounded for long windows', () => {
    expect([...coveredValues('weekday', ctx(0).start, ctx(0).end)]).toEqual([1]);
    expect(coveredValues('hour', new Date(JAN5 + 3 * HOUR), new Date(JAN5 + 5 * HOUR + 1))).toEqual(new Set([3, 4, 5]));
    expect(coveredValues('weekday', ctx(0, 7).start, ctx(0, 7).end).size).toBe(7);
    expect(coveredValues('month', new Date(0), new Date(Date.UTC(2100, 0, 1))).size).toBe(12);
  });

  it('a one-day window of stationary traffic: weekday PSI is huge against the whole baseline, about 0 period-matched', () => {
    for (let d = 0; d < 28; d++) {
      const [from, to] = dayRows(d);
      const counts = countsOf('created_at.weekday', from, to);
      expect(featureDrift(feature('created_at.weekday'), counts).psi).toBeGreaterThan(3);
      const matched = windowFeatureDrift(feature('created_at.weekday'), counts, ctx(d));
      expect(matched.basis).toBe('period');
      expect(matched.alerting).toBe(false);
      expect(matched.psi).toBeLessThan(0.01);
      const hour = windowFeatureDrift(feature('created_at.hour'), countsOf('created_at.hour', from, to), ctx(d));
      expect(hour.psi).toBeLessThan(0.05);
    }
  });

  it('an hour window and a partial day compare only the hours they hold', () => {
    const [from] = dayRows(3);
    const to = rowAt(JAN5 + (3 * 24 + 5) * HOUR);
    const r = windowFeatureDrift(feature('created_at.hour'), countsOf('created_at.hour', from, to), { start: new Date(JAN5 + 3 * 24 * HOUR), end: new Date(JAN5 + (3 * 24 + 5) * HOUR), timeColumns: null });
    expect(featureDrift(feature('created_at.hour'), countsOf('created_at.hour', from, to)).psi).toBeGreaterThan(1);
    expect(r.psi).toBeLessThan(0.05);
    expect(r.baseline.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('still catches a shift inside the period: a day whose traffic all comes at night drifts on hour', () => {
    const [from, to] = dayRows(2);
    const night = countsOf('created_at.hour', from, to, (h) => h % 4);
    const r = windowFeatureDrift(feature('created_at.hour'), night, ctx(2));
    expect(r.psi).toBeGreaterThan(1);
    expect(r.status).toBe('alert');
  });

  it('a time that differs from the window\'s clock is not hidden by a wrong guess: its bins are kept', () => {
    const [from, to] = dayRows(2); // a Wednesday whose values say Saturday
    const counts = countsOf('created_at.weekday', from, to, () => 6);
    const matched = periodMatchedBaseline(feature('created_at.weekday'), [3], counts.counts)!;
    expect(matched.shares.filter((s) => s > 0)).toHaveLength(2);
    expect(windowFeatureDrift(feature('created_at.weekday'), counts, ctx(2)).psi).toBeGreaterThan(0.25);
  });

  it('history features are shown but left out of the drifted share, the warn count and the status', () => {
    const [from, to] = dayRows(27);
    const history = windowFeatureDrift(feature('email.domain_fraud_rate'), countsOf('email.domain_fraud_rate', from, to, () => 0.5), ctx(27));
    expect(history.psi).toBeGreaterThan(1);
    expect(history.alerting).toBe(false);
    expect(history.basis).toBe('not_compared');
    expect(history.note).toMatch(/frozen/);
    const price = windowFeatureDrift(feature('order_price'), countsOf('order_price', from, to), ctx(27));
    const summary = summariseDrift([history, price]);
    expect(summary).toMatchObject({ status: price.psi - (price.noise ?? 0) < 0.1 ? 'ok' : 'warn', drifted: 0, features: 1 });
    expect(summariseDrift([{ ...history, alerting: true }, price]).status).toBe('alert');
  });

  it('a period the baseline never saw is not compared (and does not alert)', () => {
    const only = { name: 'weekday', edges: [0, 1, 2, 3, 4], shares: [0.2, 0.2, 0.2, 0.2, 0.2, 0], missing: 0 };
    const counts = { counts: [0, 0, 0, 0, 0, 100], missing: 0, total: 100 };
    const r = windowFeatureDrift(only, counts, { start: new Date(Date.UTC(2026, 0, 10)), end: new Date(Date.UTC(2026, 0, 11)), timeColumns: null });
    expect(r.basis).toBe('not_compared');
    expect(r.alerting).toBe(false);
  });
});
