// Time-of-day-matched baselines (drift-hours.ts) on generated traffic with a daily rhythm.
import { describe, expect, it } from 'vitest';
import { BinCounter } from './drift';
import { hourFeatureOf, windowFeatureDrift } from './drift-context';
import { hourMatchedBaseline } from './drift-hours';
import { buildBaseline } from './model-load';
import { createRng } from './rng';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 0, 5);

/** `days` of traffic: busy afternoons of ordinary amounts, quiet nights of big ones (as fraud bursts make them). */
function traffic(days: number, seed: number, shift = 0) {
  const rng = createRng(seed);
  const times: number[] = [];
  const amounts: number[] = [];
  for (let d = 0; d < days; d++) {
    for (let h = 0; h < 24; h++) {
      const night = h < 6;
      const n = night ? 8 : 60;
      for (let k = 0; k < n; k++) {
        times.push(START + d * DAY + h * HOUR + rng.int(HOUR));
        amounts.push(Math.exp((night ? 5.5 : 3) + shift + 0.6 * rng.normal()));
      }
    }
  }
  return { times, amounts };
}

const matrix = (t: { times: number[]; amounts: number[] }) => ({
  nRows: t.times.length, categorical: [false, false],
  names: ['paid_at.hour', 'amount'],
  columns: [Float64Array.from(t.times, (x) => new Date(x).getUTCHours()), Float64Array.from(t.amounts)],
});

describe('time-of-day-matched baselines', () => {
  const train = traffic(14, 1);
  const X = matrix(train);
  const baseline = buildBaseline(X, new Float64Array(X.nRows).fill(0.1), new Uint8Array(X.nRows), [{ name: 'amount' }], hourFeatureOf(X.names, ['paid_at']));
  const amount = baseline.features.find((f) => f.name === 'amount')!;
  const hour = baseline.features.find((f) => f.name === 'paid_at.hour')!;

  /** A window's drift of `amount`, hour-matched or not, over [from, to) of a day of `day`'s traffic. */
  function judge(day: { times: number[]; amounts: number[] }, from: number, to: number, matched: boolean) {
    const a = new BinCounter(amount.edges), h = new BinCounter(hour.edges);
    day.times.forEach((t, i) => {
      if (t < from || t >= to) return;
      a.add(day.amounts[i]);
      h.add(new Date(t).getUTCHours());
    });
    const ctx = { start: new Date(from), end: new Date(to), timeColumns: ['paid_at'], ...(matched ? { hourCounts: h.counts } : {}) };
    return windowFeatureDrift(amount, a, ctx);
  }

  it('keeps the hour feature even when it is not among the most important, and counts every feature by its bins', () => {
    expect(baseline.hourFeature).toBe('paid_at.hour');
    expect(hour.byHour).toHaveLength(hour.edges.length + 1);
    expect(amount.byHour!.flat().reduce((a, b) => a + b, 0)).toBe(X.nRows);
  });

  it('the night of a stationary day drifts against the whole baseline, not against its own hours', () => {
    const day = traffic(1, 2);
    const night = [START, START + 6 * HOUR] as const;
    const whole = judge(day, ...night, false);
    const own = judge(day, ...night, true);
    expect(whole.basis).toBe('baseline');
    expect(whole.status).toBe('alert');
    expect(own.basis).toBe('time_of_day');
    expect(own.alerting).toBe(true);
    expect(own.status).toBe('ok');
  });

  it('a whole stationary day reads the same either way', () => {
    const day = traffic(1, 3);
    const whole = judge(day, START, START + DAY, false);
    const own = judge(day, START, START + DAY, true);
    expect(whole.status).toBe('ok');
    expect(own.status).toBe('ok');
    expect(Math.abs(own.psi - whole.psi)).toBeLessThan(0.02);
  });

  it('a real shift at the same hours still drifts, at night and over the day', () => {
    const day = traffic(1, 4, -2); // down: the night amounts are all in the top decile of the baseline already
    expect(judge(day, START, START + 6 * HOUR, true).status).toBe('alert');
    expect(judge(day, START, START + DAY, true).status).toBe('alert');
  });

  it('hour bins the baseline never saw are left out of the weights; none left means no matched baseline', () => {
    const byHour = [[5, 5, 0], [0, 0, 0]];
    const f = { name: 'x', edges: [1], shares: [0.5, 0.5], missing: 0 };
    expect(hourMatchedBaseline(f, byHour, [10, 90])!.feature.shares).toEqual([0.5, 0.5]);
    expect(hourMatchedBaseline(f, byHour, [0, 90])).toBeNull();
    expect(hourMatchedBaseline(f, byHour, [10, 90])!.rows).toBe(10);
  });

  it('has no hour feature without a time column of the event, and then keeps the old baseline shape', () => {
    expect(hourFeatureOf(['signup_at.hour', 'amount'], ['paid_at'])).toBeNull();
    const plain = buildBaseline(X, new Float64Array(X.nRows).fill(0.1), new Uint8Array(X.nRows), [{ name: 'amount' }]);
    expect(plain.hourFeature).toBeUndefined();
    expect(plain.features.map((f) => f.name)).toEqual(['amount']);
  });
});
