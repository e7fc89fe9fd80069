import { describe, expect, it } from 'vitest';
import { inferTabularSpec, parseLabel, tabularFeatureNames, tabularFeatures } from './tabular';

const rows = Array.from({ length: 100 }, (_, i) => ({
  id: String(i),
  amount: i % 10 === 0 ? '' : String(i * 1.5),
  country: ['FR', 'US', 'DE', 'XX'][i % 4],
  ref: `ref-${i}`,
  created: `2023-01-${String((i % 28) + 1).padStart(2, '0')}T0${i % 10}:00:00Z`,
  email: `user${i}@example.com`,
  ip: `10.${i}.0.1`,
  constant: 'same',
  label: i % 3 === 0 ? 'fraud' : 'legit',
}));

describe('parseLabel', () => {
  it('accepts common spellings', () => {
    for (const v of ['1', 'true', 'FRAUD', 'yes', 'fake', 1, true]) expect(parseLabel(v)).toBe(1);
    for (const v of ['0', 'false', 'legit', 'LEGIT', 'no', 0]) expect(parseLabel(v)).toBe(0);
    for (const v of ['', 'BLOCKED', 'maybe', null]) expect(parseLabel(v)).toBeNull();
  });
});

describe('inferTabularSpec', () => {
  const spec = inferTabularSpec(rows, 'label');
  const type = (n: string) => spec.columns.find((c) => c.name === n)?.type;
  it('infers column types and drops ids and constants', () => {
    expect(type('amount')).toBe('numeric');
    expect(type('country')).toBe('categorical');
    expect(type('created')).toBe('datetime');
    expect(type('email')).toBe('email');
    expect(type('ip')).toBe('ip');
    expect(type('label')).toBeUndefined();
    expect(spec.dropped.map((d) => d.name).sort()).toEqual(['constant', 'id', 'ref']);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
  it('caps categorical vocabularies and maps the rest to other', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ c: `v${i % 80}`, label: '0' }));
    const s = inferTabularSpec(many, 'label', { maxCategories: 10 });
    const col = s.columns[0];
    expect(col.type === 'categorical' && col.vocab.length).toBe(11);
    const X = tabularFeatures(s, [{ c: 'v0' }, { c: 'v79' }, { c: '' }]);
    expect(Array.from(X.columns[0])).toEqual([0, 10, NaN]);
    expect(X.categorical[0]).toBe(true);
  });
  it('honours exclude', () => {
    expect(inferTabularSpec(rows, 'label', { exclude: ['country'] }).columns.some((c) => c.name === 'country')).toBe(false);
  });
});

describe('tabularFeatures', () => {
  const spec = inferTabularSpec(rows, 'label');
  it('builds a matrix matching the declared names', () => {
    const X = tabularFeatures(spec, rows.slice(0, 5));
    expect(X.names).toEqual(tabularFeatureNames(spec));
    expect(X.columns).toHaveLength(X.names.length);
    const col = (n: string) => Array.from(X.columns[X.names.indexOf(n)]);
    expect(col('amount')[0]).toBeNaN();
    expect(col('amount')[1]).toBe(1.5);
    expect(col('created.hour')).toEqual([0, 1, 2, 3, 4]);
    expect(col('ip.octet2')).toEqual([0, 1, 2, 3, 4]);
    expect(col('ip.prefix24')).toEqual([0, 1, 2, 3, 4].map((o) => (10 * 256 + o) * 256));
    // 'created' is not named like a time: no time order, so no history features.
    expect(X.names.some((nm) => nm.endsWith('_seen'))).toBe(false);
    expect(X.names).toContain('email.local_length');
  });
  it('keeps the features of an IP spec from before the history (octet1Freq)', () => {
    const old = { version: 1 as const, label: 'label', dropped: [], columns: [{ name: 'ip', type: 'ip' as const, octet1Freq: Array.from({ length: 256 }, (_, o) => (o === 10 ? 1 : 0)) }] };
    const X = tabularFeatures(old, [{ ip: '10.1.2.3' }, { ip: 'x' }]);
    expect(X.names).toEqual(['ip.octet1', 'ip.octet2', 'ip.octet3', 'ip.octet4', 'ip.prefix16', 'ip.octet1_share']);
    expect(X.columns.map((c) => c[0])).toEqual([10, 1, 2, 3, 10 * 256 + 1, 1]);
    expect(X.columns.every((c) => Number.isNaN(c[1]))).toBe(true);
  });
  it('names the missing column', () => {
    expect(() => tabularFeatures(spec, [{ amount: '1' }])).toThrow(/missing column\(s\): country/);
  });
});
