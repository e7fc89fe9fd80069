import { describe, expect, it } from 'vitest';
import { topImportances } from './importances';

describe('topImportances', () => {
  it('sorts by gain, keeps the top N and computes shares of the whole', () => {
    const rows = topImportances([{ name: 'a', gain: 1 }, { name: 'b', gain: 5 }, { name: 'c', gain: 4 }], 2);
    expect(rows.map((r) => r.name)).toEqual(['b', 'c']);
    expect(rows[0].share).toBeCloseTo(0.5);
    expect(rows[1].share).toBeCloseTo(0.4);
  });

  it('drops zero and non-finite gains, and tolerates null', () => {
    expect(topImportances([{ name: 'z', gain: 0 }, { name: 'n', gain: NaN }])).toEqual([]);
    expect(topImportances(null)).toEqual([]);
  });

  it('shortens long labels but keeps the full name', () => {
    const [row] = topImportances([{ name: 'x'.repeat(40), gain: 1 }], 20, 10);
    expect(row.label).toBe(`${'x'.repeat(9)}…`);
    expect(row.name).toHaveLength(40);
  });

  it('breaks ties by name so the order is stable', () => {
    expect(topImportances([{ name: 'b', gain: 1 }, { name: 'a', gain: 1 }]).map((r) => r.name)).toEqual(['a', 'b']);
  });
});
