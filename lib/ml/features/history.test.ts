import { describe, expect, it } from 'vitest';
import { REGISTRATION } from '../events/presets';
import { trainModel } from '../model';
import { MAX_KEYS } from './history';
import { featurize, fitFeaturizer } from './index';
import { inferTabularSpec, tabularFeatures } from './tabular';

type R = { ip: string; email: string; event_time: string; label: string };
const at = (h: number) => `2024-01-01T${String(h).padStart(2, '0')}:00:00Z`;
const r = (ip: string, email: string, h: number, label: string): R => ({ ip, email, event_time: at(h), label });

// Hours 0–5 are training; later rows are "new".
const train: R[] = [
  r('1.2.3.4', 'a@x.com', 0, 'fraud'),
  r('1.2.3.4', 'b@x.com', 1, 'legit'),
  r('1.2.3.9', 'a@x.com', 2, 'fraud'),
  r('5.6.7.8', 'c@y.org', 3, 'legit'),
  r('1.2.3.4', 'd@y.org', 3, 'fraud'), // same time as the row above: neither sees the other
  r('1.2.9.9', 'e@x.com', 5, 'legit'),
];

const spec = inferTabularSpec(train, 'label');
const feats = (rows: R[]) => {
  const X = tabularFeatures(spec, rows);
  return (name: string) => Array.from(X.columns[X.names.indexOf(name)]);
};
const ipCol = spec.columns.find((c) => c.name === 'ip');
const prior = 3 / 6, m = 10, rate = (labelled: number, positive: number) => (positive + m * prior) / (labelled + m);

describe('history features (earlier rows only)', () => {
  it('orders by the time column and fits tables over the training rows', () => {
    expect(ipCol?.type === 'ip' && ipCol.history?.timeColumn).toBe('event_time');
    expect(ipCol?.type === 'ip' && ipCol.history?.prior).toBe(0.5);
    const f = feats(train);
    expect(f('ip.ip_seen')).toEqual([0, 1, 0, 0, 2, 0]);
    expect(f('ip.ip24_seen')).toEqual([0, 1, 2, 0, 3, 0]);
    expect(f('ip.ip16_seen')).toEqual([0, 1, 2, 0, 3, 4]);
    expect(f('ip.ip_fraud_rate')).toEqual([prior, rate(1, 1), prior, prior, rate(2, 1), prior]);
    expect(f('ip.ip24_fraud_rate')[4]).toBe(rate(3, 2));
    expect(f('email.address_seen')).toEqual([0, 0, 1, 0, 0, 0]);
    expect(f('email.address_fraud_rate')[2]).toBe(rate(1, 1));
    expect(f('email.domain_seen')).toEqual([0, 1, 2, 0, 0, 3]);
  });

  it("never changes when the row's own label, or later rows, change", () => {
    const base = feats(train);
    const names = ['ip.ip_seen', 'ip.ip_fraud_rate', 'ip.ip24_fraud_rate', 'ip.ip8_seen', 'email.address_fraud_rate', 'email.domain_fraud_rate'];
    for (let i = 0; i < train.length; i++) {
      // Flip this row's label and every later row's label, and give later rows this row's keys.
      const changed = train.map((x, j) => {
        if (j < i || x.event_time < train[i].event_time) return x;
        if (j === i) return { ...x, label: x.label === 'fraud' ? 'legit' : 'fraud' };
        return { ...x, ip: train[i].ip, email: train[i].email, label: x.label === 'fraud' ? 'legit' : 'fraud' };
      });
      const f = feats(changed);
      for (const nm of names) expect([nm, i, f(nm)[i]]).toEqual([nm, i, base(nm)[i]]);
    }
  });

  it('scores rows after training against the frozen tables, whatever else is in the batch', () => {
    const fresh = r('1.2.3.4', 'a@x.com', 9, '');
    const alone = feats([fresh]);
    expect(alone('ip.ip_seen')).toEqual([3]);
    expect(alone('ip.ip_fraud_rate')).toEqual([rate(3, 2)]);
    expect(alone('email.address_seen')).toEqual([2]);
    expect(alone('email.address_fraud_rate')).toEqual([rate(2, 2)]);
    // Earlier new rows with the same keys and labels, or the training rows themselves, change nothing.
    const crowd = feats([...train, r('1.2.3.4', 'a@x.com', 7, 'fraud'), r('1.2.3.4', 'a@x.com', 8, 'fraud'), fresh]);
    for (const nm of ['ip.ip_seen', 'ip.ip_fraud_rate', 'email.address_seen', 'email.domain_fraud_rate']) expect(crowd(nm).at(-1)).toBe(alone(nm)[0]);
    // A key never seen in training: zero seen, the prior rate; no IP: missing.
    const other = feats([r('9.9.9.9', 'z@q.net', 9, ''), { ...r('', 'z@q.net', 9, '') }]);
    expect(other('ip.ip_seen')[0]).toBe(0);
    expect(other('ip.ip_fraud_rate')[0]).toBe(prior);
    expect(other('ip.ip_seen')[1]).toBeNaN();
  });

  it('keeps the most frequent keys, the latest among equals, when there are more than MAX_KEYS', () => {
    const ipOf = (i: number) => `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`;
    const many = Array.from({ length: MAX_KEYS + 1 }, (_, i) => ({ ip: ipOf(i), event_time: 1.7e9 + i, label: i % 2 ? '1' : '0' }));
    many.push({ ip: ipOf(0), event_time: 1.7e9 - 1, label: '0' }); // the earliest key, seen twice: kept
    const big = inferTabularSpec(many, 'label');
    const X = tabularFeatures(big, [ipOf(0), ipOf(1), ipOf(2), ipOf(MAX_KEYS)].map((ip) => ({ ip, event_time: 2e9, label: '' })));
    // ipOf(1) is the oldest of the keys seen once: the one left out.
    expect(Array.from(X.columns[X.names.indexOf('ip.ip_seen')])).toEqual([2, 0, 1, 1]);
  });

  it('survives JSON and is left out without a time column', () => {
    const again = tabularFeatures(JSON.parse(JSON.stringify(spec)), train);
    expect(again).toEqual(tabularFeatures(spec, train));
    const untimed = inferTabularSpec(train.map(({ event_time: _t, ...x }) => x), 'label');
    const X = tabularFeatures(untimed, train);
    expect(X.names.filter((n) => n.includes('_seen') || n.includes('fraud_rate'))).toEqual([]);
    expect(X.names).toContain('ip.prefix24');
  });

  it('reaches the registration event type through its time field', () => {
    const rows = train.map((x) => ({ ip_address: x.ip, email_address: x.email, EVENT_TIMESTAMP: x.event_time, EVENT_LABEL: x.label }));
    const ev = fitFeaturizer('event', rows, { labelColumn: 'EVENT_LABEL', eventType: REGISTRATION });
    const X = featurize(ev, rows);
    expect(Array.from(X.columns[X.names.indexOf('ip_address.ip_seen')])).toEqual([0, 1, 0, 0, 2, 0]);
    // Live: one event, after training.
    const live = featurize(ev, [{ ip_address: '1.2.3.4', email_address: 'a@x.com', EVENT_TIMESTAMP: at(12) }], { aggregates: REGISTRATION.aggregates.map(() => [0]) });
    expect(live.columns[live.names.indexOf('ip_address.ip_seen')][0]).toBe(3);
    // A back-dated live event (inside the training period) still reads the fitted tables; a replay of it alone has no history.
    const early = [{ ip_address: '1.2.3.4', email_address: 'a@x.com', EVENT_TIMESTAMP: at(2) }];
    const backDated = featurize(ev, early, { aggregates: REGISTRATION.aggregates.map(() => [0]) });
    expect(backDated.columns[backDated.names.indexOf('ip_address.ip_seen')][0]).toBe(3);
    const replayed = featurize(ev, early);
    expect(replayed.columns[replayed.names.indexOf('ip_address.ip_seen')][0]).toBe(0);
  });

  it('gives the validation rows of a time split features that no validation label can move', async () => {
    // IPs from a small pool: fraud comes from a few networks, so the history carries signal.
    const rows = Array.from({ length: 600 }, (_, i) => {
      const bad = i % 7 === 0;
      return { ip: bad ? `66.6.${i % 3}.${i % 5}` : `10.0.${i % 40}.${i % 9}`, email_address: `u${i % 50}@x.com`, event_time: 1.7e9 + i * 60, label: bad ? 'fraud' : 'legit' };
    });
    const model = await trainModel({ rows, labelColumn: 'label', algorithm: 'gbdt', params: { rounds: 20 } });
    expect(model.training.split).toBe('time');
    const valid = rows.map((_, i) => i).filter((i) => i >= 480);
    const flipped = rows.map((r, i) => (i >= 480 ? { ...r, label: r.label === 'fraud' ? 'legit' : 'fraud' } : r));
    if (model.featureSpec.kind !== 'tabular') throw new Error('kind');
    const A = tabularFeatures(model.featureSpec.tabular, rows), B = tabularFeatures(model.featureSpec.tabular, flipped);
    for (const [j, name] of A.names.entries()) {
      if (!name.endsWith('_seen') && !name.endsWith('_fraud_rate')) continue;
      for (const i of valid) expect([name, i, B.columns[j][i]]).toEqual([name, i, A.columns[j][i]]);
    }
    expect(A.names).toContain('ip.ip24_fraud_rate');
  });

  it("follows the trainer's time column, named like a time or not, and is off without one", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ ip: `10.0.${i % 7}.${i % 11}`, when: String(1.7e9 + i * 60), label: i % 5 ? 'legit' : 'fraud' }));
    const named = await trainModel({ rows, labelColumn: 'label', algorithm: 'gbdt', params: { rounds: 5 }, timestampColumn: 'when' });
    const spec = named.featureSpec.kind === 'tabular' ? named.featureSpec.tabular : null;
    const ip = spec?.columns.find((c) => c.name === 'ip');
    expect(ip?.type === 'ip' && ip.history?.timeColumn).toBe('when');
    const untimed = await trainModel({ rows, labelColumn: 'label', algorithm: 'gbdt', params: { rounds: 5 } });
    expect(untimed.training.split).toBe('stratified');
    expect(untimed.featureNames.some((n) => n.endsWith('_seen'))).toBe(false);
  });
});
