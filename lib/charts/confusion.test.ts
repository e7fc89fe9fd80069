import { describe, expect, it } from 'vitest';
import { confusionCells } from './confusion';

describe('confusionCells', () => {
  it('lays out truth rows and decision columns with shares', () => {
    const cells = confusionCells({ tp: 8, fn: 2, fp: 10, tn: 80 });
    expect(cells.map((c) => c.key)).toEqual(['tp', 'fn', 'fp', 'tn']);
    expect(cells.map((c) => c.tone)).toEqual(['good', 'bad', 'bad', 'good']);
    expect(cells[0].share).toBeCloseTo(0.08);
    expect(cells[0].rowShare).toBeCloseTo(0.8);
    expect(cells[2].rowShare).toBeCloseTo(10 / 90);
  });

  it('survives empty matrices', () => {
    expect(confusionCells(null)).toEqual([]);
    expect(confusionCells({ tp: 0, fn: 0, fp: 0, tn: 0 }).every((c) => c.share === 0 && c.rowShare === 0)).toBe(true);
  });
});
