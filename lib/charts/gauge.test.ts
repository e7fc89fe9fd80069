import { describe, expect, it } from 'vitest';
import { GAUGE, arcPath, contributionBars, gaugeModel, polar } from './gauge';

describe('polar', () => {
  it('maps 0 to the left end, 0.5 to the top and 1 to the right end', () => {
    expect(polar(0, 10)).toEqual({ x: GAUGE.cx - 10, y: GAUGE.cy });
    expect(polar(0.5, 10)).toEqual({ x: GAUGE.cx, y: GAUGE.cy - 10 });
    expect(polar(1, 10)).toEqual({ x: GAUGE.cx + 10, y: GAUGE.cy });
  });
  it('clamps out-of-range and non-finite fractions', () => {
    expect(polar(-1, 10)).toEqual(polar(0, 10));
    expect(polar(2, 10)).toEqual(polar(1, 10));
    expect(polar(Number.NaN, 10)).toEqual(polar(0, 10));
  });
});

describe('arcPath', () => {
  it('is empty for an empty range and a closed path otherwise', () => {
    expect(arcPath(0.3, 0.3)).toBe('');
    const p = arcPath(0, 0.5);
    expect(p.startsWith('M ')).toBe(true);
    expect(p.endsWith('Z')).toBe(true);
  });
  it('orders reversed bounds', () => {
    expect(arcPath(0.6, 0.2)).toBe(arcPath(0.2, 0.6));
  });
});

describe('gaugeModel', () => {
  it('builds three bands from the thresholds', () => {
    const g = gaugeModel(50, { review: 0.3, block: 0.7 });
    expect(g.segments.map((s) => [s.band, s.from, s.to])).toEqual([['allow', 0, 0.3], ['review', 0.3, 0.7], ['block', 0.7, 1]]);
    expect(g.fraction).toBeCloseTo(50 / 99);
  });
  it('drops an empty review band and keeps block above review', () => {
    const g = gaugeModel(10, { review: 0.5, block: 0.4 });
    expect(g.segments.map((s) => s.band)).toEqual(['allow', 'block']);
  });
  it('points the needle at the score', () => {
    expect(gaugeModel(0, { review: 0.3, block: 0.7 }).needle.x2).toBeLessThan(GAUGE.cx);
    expect(gaugeModel(99, { review: 0.3, block: 0.7 }).needle.x2).toBeGreaterThan(GAUGE.cx);
    expect(gaugeModel(0, { review: 0.3, block: 0.7 }).valuePath).toBe('');
  });
});

describe('contributionBars', () => {
  it('scales to the largest absolute contribution and keeps the sign as a direction', () => {
    const bars = contributionBars([{ contribution: 2 }, { contribution: -1 }, { contribution: 0 }]);
    expect(bars.map((b) => b.widthPct)).toEqual([100, 50, 0]);
    expect(bars.map((b) => b.direction)).toEqual(['up', 'down', 'up']);
  });
  it('handles an empty or all-zero list', () => {
    expect(contributionBars([])).toEqual([]);
    expect(contributionBars([{ contribution: 0 }])[0].widthPct).toBe(0);
  });
});
