import { describe, expect, it } from 'vitest';
import { featurize, fitFeaturizer } from './features/index';
import { createRng } from './rng';
import { selectRows, TableBuilder, tableFromRows, tableView } from './table';

describe('TableBuilder', () => {
  it('stores numbers as Float64 (blank = NaN) and text dictionary-encoded', () => {
    const b = new TableBuilder(['amount', 'city', 'label'], 2);
    b.add(['12.5', ' Paris ', '1']);
    b.add(['', 'Lyon', '0']);
    b.add(['3', 'Paris', '0']);
    const t = b.finish();
    expect(t.nRows).toBe(3);
    const [amount, city] = t.columns;
    expect(amount.type).toBe('number');
    expect(Array.from(amount.type === 'number' ? amount.values : [])).toEqual([12.5, NaN, 3]);
    expect(city.type === 'text' && city.dict).toEqual(['', 'Paris', 'Lyon']);
    const v = tableView(t);
    expect([0, 1, 2].map(v.reader('city')!)).toEqual(['Paris', 'Lyon', 'Paris']);
    expect([0, 1, 2].map(v.reader('amount')!)).toEqual([12.5, '', 3]);
    expect(v.reader('nope')).toBeNull();
  });

  it('turns a numeric column into text at its first non-number, keeping the earlier cells', () => {
    const b = new TableBuilder(['code']);
    for (const c of ['7', '', '1.50', 'A12', '7']) b.add([c]);
    const v = tableView(b.finish());
    expect([0, 1, 2, 3, 4].map(v.reader('code')!)).toEqual(['7', '', '1.5', 'A12', '7']);
    expect(v.numbers('code')).toBeNull();
  });

  it('holds 300,000 rows in typed columns and featurises them as the same rows as objects would', () => {
    const n = 300_000, rng = createRng(3);
    const cats = ['a', 'b', 'c', 'd'];
    const b = new TableBuilder(['x', 'cat', 'when', 'is_fraud']);
    const sample: Record<string, string>[] = [];
    for (let i = 0; i < n; i++) {
      const rec = [String(Math.round(rng.normal() * 1000) / 100), cats[rng.int(4)], `2024-01-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00:00`, rng.next() < 0.05 ? '1' : '0'];
      b.add(rec);
      if (i < 2000) sample.push({ x: rec[0], cat: rec[1], when: rec[2], is_fraud: rec[3] });
    }
    const t = b.finish();
    expect(t.nRows).toBe(n);
    expect(t.columns.map((c) => c.type)).toEqual(['number', 'text', 'text', 'number']);
    const spec = fitFeaturizer('tabular', t, { labelColumn: 'is_fraud' });
    const X = featurize(spec, t);
    expect(X.nRows).toBe(n);
    expect(X.names).toEqual(['x', 'cat', 'when.hour', 'when.weekday']);
    // The numeric feature shares the table's column instead of copying it.
    expect(X.columns[0]).toBe(tableView(t).numbers('x'));
    // Same features from the first 2,000 rows as objects and as a selection of the table.
    const first = new Uint32Array(2000).map((_, i) => i);
    const fromRows = featurize(spec, sample), fromTable = featurize(spec, selectRows(tableView(t), first));
    expect(fromTable.columns.map((c) => Array.from(c))).toEqual(fromRows.columns.map((c) => Array.from(c)));
  });

  it('tableFromRows round-trips plain rows', () => {
    const t = tableFromRows([{ a: 1, b: 'x' }, { a: null, b: 'y' }]);
    const v = tableView(t);
    expect([0, 1].map(v.reader('a')!)).toEqual([1, '']);
    expect([0, 1].map(v.reader('b')!)).toEqual(['x', 'y']);
  });
});
