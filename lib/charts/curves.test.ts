import { describe, expect, it } from 'vitest';
import { closeRoc, mergeCurves, pointAtThreshold, seriesColor } from './curves';

describe('mergeCurves', () => {
  it('interleaves series by x and keeps one value per row', () => {
    const rows = mergeCurves([
      { key: 'a', points: [{ x: 0, y: 0 }, { x: 0.5, y: 0.8 }, { x: 1, y: 1 }] },
      { key: 'b', points: [{ x: 0, y: 0 }, { x: 0.25, y: 0.5 }, { x: 1, y: 1 }] },
    ]);
    expect(rows.map((r) => r.x)).toEqual([0, 0, 0.25, 0.5, 1, 1]);
    expect(rows[2]).toEqual({ x: 0.25, b: 0.5 });
    expect(rows.filter((r) => 'a' in r).map((r) => r.a)).toEqual([0, 0.8, 1]);
  });

  it('keeps vertical steps of one series in path order', () => {
    const rows = mergeCurves([{ key: 'a', points: [{ x: 0, y: 0 }, { x: 0, y: 0.4 }, { x: 0, y: 0.9 }, { x: 1, y: 1 }] }]);
    expect(rows.map((r) => r.a)).toEqual([0, 0.4, 0.9, 1]);
  });

  it('drops non-finite points and handles no series', () => {
    expect(mergeCurves([])).toEqual([]);
    expect(mergeCurves([{ key: 'a', points: [{ x: NaN, y: 1 }, { x: 0.2, y: Infinity }, { x: 0.3, y: 0.3 }] }])).toEqual([{ x: 0.3, a: 0.3 }]);
  });
});

describe('closeRoc', () => {
  it('adds missing end points only', () => {
    expect(closeRoc([{ x: 0.2, y: 0.5 }])).toEqual([{ x: 0, y: 0 }, { x: 0.2, y: 0.5 }, { x: 1, y: 1 }]);
    const full = [{ x: 0, y: 0 }, { x: 1, y: 1 }];
    expect(closeRoc(full)).toEqual(full);
    expect(closeRoc([])).toEqual([{ x: 0, y: 0 }, { x: 1, y: 1 }]);
  });
});

describe('pointAtThreshold', () => {
  it('picks the closest threshold and ignores points without one', () => {
    const pts = [{ x: 0, y: 0 }, { x: 0.1, y: 0.6, threshold: 0.8 }, { x: 0.3, y: 0.9, threshold: 0.2 }];
    expect(pointAtThreshold(pts, 0.25)).toEqual(pts[2]);
    expect(pointAtThreshold(pts, 0.7)).toEqual(pts[1]);
    expect(pointAtThreshold([{ x: 0, y: 0 }], 0.5)).toBeNull();
  });
});

it('cycles series colours', () => {
  expect(seriesColor(0)).not.toBe(seriesColor(1));
  expect(seriesColor(6)).toBe(seriesColor(0));
});
