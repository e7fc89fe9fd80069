import { describe, expect, it } from 'vitest';
import { featurize, fitFeaturizer, inferKind, missingColumns } from './index';

describe('featurizer dispatch', () => {
  it('infers the kind from column names', () => {
    expect(inferKind(['email', 'label'])).toBe('email');
    expect(inferKind(['trans_date_trans_time', 'cc_num', 'category', 'amt', 'is_fraud'])).toBe('transaction');
    expect(inferKind(['email_address', 'ip_address', 'EVENT_LABEL'])).toBe('tabular');
  });
  it('fits and applies each kind through one JSON spec', () => {
    const emails = [{ email: 'a.b@gmail.com', label: '0' }, { email: 'x9q@elppa.zz', label: '1' }];
    const spec = JSON.parse(JSON.stringify(fitFeaturizer('email', emails, { email: { buckets: 16 } })));
    expect(spec.column).toBe('email');
    expect(featurize(spec, emails).nRows).toBe(2);
    const tab = fitFeaturizer('tabular', [{ a: '1', b: 'x', y: '1' }, { a: '2', b: 'y', y: '0' }], { labelColumn: 'y' });
    expect(featurize(tab, [{ a: '3', b: 'z' }]).names).toEqual(['a', 'b']);
    expect(missingColumns(tab, ['a'])).toEqual(['b']);
  });
  it('reports missing transaction columns', () => {
    expect(() => fitFeaturizer('transaction', [{ amt: '1' }])).toThrow(/cc_num/);
    expect(() => fitFeaturizer('email', [{ mail: 'x' }], { emailColumn: 'nope' })).toThrow(/no email column/);
  });
});
