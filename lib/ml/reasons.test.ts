import { describe, expect, it } from 'vitest';
import { emailFeatures } from './features/email';
import { fitFeaturizer } from './features/index';
import { TX_FEATURES } from './features/transaction';
import { reasonCodes } from './reasons';

describe('reasonCodes', () => {
  it('describes transaction features in plain language, largest first', () => {
    const spec = fitFeaturizer('transaction', [{ cc_num: '1', category: 'grocery_pos', amt: '10', unix_time: '0' }]);
    const names: string[] = [...TX_FEATURES];
    const values = new Float64Array(names.length);
    const contrib = new Float64Array(names.length + 1);
    const set = (n: string, v: number, c: number) => { values[names.indexOf(n)] = v; contrib[names.indexOf(n)] = c; };
    set('amount_to_card_mean', 14.2, 2);
    set('card_tx_count_1h', 3, 1);
    set('hour', 2, 0.5);
    set('seconds_since_prev', NaN, 0.3);
    set('gender', 1, -0.4); // lowers the score: not a reason
    set('weekday', 3, 0.001); // noise
    const r = reasonCodes(spec, names, contrib, values);
    expect(r.map((x) => x.text)).toEqual([
      "amount 14× this card's mean",
      '3 transactions on this card in the last hour',
      'night-time transaction (02:00)',
      'first transaction seen on this card',
    ]);
    expect(reasonCodes(spec, names, contrib, values, 2)).toHaveLength(2);
  });

  it('folds n-grams into one reason quoting the address and names the domain', () => {
    const spec = fitFeaturizer('email', [{ email: 'a.b@gmail.com' }, { email: 'zx9q@elppa.zz' }], { email: { buckets: 8 } });
    if (spec.kind !== 'email') throw new Error('kind');
    const email = 'zx9q@elppa.zz';
    const X = emailFeatures(spec.email, [email]);
    const values = Float64Array.from(X.columns, (c) => c[0]);
    const contrib = new Float64Array(X.names.length + 1);
    contrib[X.names.indexOf('domain_mirrored_brand')] = 1.2;
    contrib[X.names.indexOf('domain_disposable')] = 0; // zero: ignored
    const ngramBucket = X.names.findIndex((n, j) => n.startsWith('ngram_') && values[j] > 0);
    contrib[ngramBucket] = 0.6;
    contrib[X.names.indexOf('local_entropy')] = 0.4;
    const r = reasonCodes(spec, X.names, contrib, values, 5, { email });
    expect(r[0].text).toBe('domain looks like a mirrored brand (elppa.zz)');
    expect(r[1].feature).toBe('ngrams');
    expect(r[1].text).toMatch(/^unusual character patterns \(e\.g\. "[^"]+"\)$/);
    expect(r[2].text).toBe('random-looking local part');
  });

  it('prefixes tabular columns and decodes categories', () => {
    const rows = [{ country: 'FR', ip: '1.2.3.4', y: '1' }, { country: 'US', ip: '5.6.7.8', y: '0' }];
    const spec = fitFeaturizer('tabular', rows, { labelColumn: 'y' });
    const names = ['country', 'ip.octet1', 'ip.octet2', 'ip.octet3', 'ip.octet4', 'ip.prefix16', 'ip.octet1_share'];
    const r = reasonCodes(spec, names, [0.5, 0.4, 0, 0, 0, 0, 0.3, 0], [1, 1, 2, 3, 4, 258, 0.5], 5, rows[0]);
    expect(r.map((x) => x.text)).toEqual(['country = US', 'ip octet1 (1.2.3.4)', 'IP range 50% of training traffic (ip)']);
  });

  it('words the history of IPs and addresses', () => {
    const rows = [{ ip: '1.2.3.4', email: 'a@x.com', event_time: '2024-01-01T00:00:00Z', y: '1' }, { ip: '5.6.7.8', email: 'b@y.com', event_time: '2024-01-02T00:00:00Z', y: '0' }];
    const spec = fitFeaturizer('tabular', rows, { labelColumn: 'y' });
    const names = ['ip.ip_seen', 'ip.ip24_fraud_rate', 'email.domain_seen'];
    const r = reasonCodes(spec, names, [0.5, 0.4, 0.3], [3, 0.25, 0], 5, rows[0]);
    expect(r.map((x) => x.text)).toEqual(['this IP seen 3 times before (1.2.3.4)', "25% fraud so far from this IP's /24 (1.2.3.4)", 'this domain never seen before (a@x.com)']);
  });
});
