import { describe, expect, it } from 'vitest';
import {
  type CardState, emptyCardState, fitTransactionFeaturizer, haversineKm, transactionFeatures, updateCardState, velocityFor,
} from './transaction';

const tx = (time: string, card: string, amt: number, extra: Record<string, unknown> = {}) => ({
  trans_date_trans_time: time, cc_num: card, amt: String(amt), category: 'grocery_pos', gender: 'F',
  dob: '1990-06-21', lat: '40', long: '-74', merch_lat: '41', merch_long: '-74', city_pop: '1000', ...extra,
});

describe('transaction features', () => {
  const rows = [
    tx('2020-06-21 00:30:00', 'A', 10),
    tx('2020-06-21 02:00:00', 'A', 20),
    tx('2020-06-21 02:10:00', 'B', 5, { category: 'shopping_net' }),
    tx('2020-06-21 02:20:00', 'A', 300),
    tx('2020-06-22 02:15:00', 'A', 40),
  ];
  const spec = fitTransactionFeaturizer(rows);
  const X = transactionFeatures(spec, rows);
  const f = (name: string) => Array.from(X.columns[X.names.indexOf(name)]);

  it('derives calendar, demographic and distance features', () => {
    expect(f('hour')).toEqual([0, 2, 2, 2, 2]);
    expect(f('weekday')[0]).toBe(0); // 2020-06-21 was a Sunday
    expect(f('age')[0]).toBeCloseTo(30, 1);
    expect(f('distance_km')[0]).toBeCloseTo(111.2, 0);
    expect(f('log_amount')[3]).toBeCloseTo(Math.log1p(300));
    expect(f('gender')[0]).toBe(1);
    expect(X.categorical[X.names.indexOf('category')]).toBe(true);
    expect(spec.categories).toEqual(['grocery_pos', 'shopping_net', 'other']);
  });

  it('counts only earlier transactions of the same card', () => {
    expect(f('card_tx_count_1h')).toEqual([0, 0, 0, 1, 0]);
    expect(f('card_amount_sum_1h')).toEqual([0, 0, 0, 20, 0]);
    expect(f('card_tx_count_24h')).toEqual([0, 1, 0, 2, 1]); // last: 02:20 of the previous day is within 24 h
    expect(f('card_amount_sum_24h')[4]).toBe(300);
    expect(f('seconds_since_prev')[0]).toBeNaN();
    expect(f('seconds_since_prev')[3]).toBe(1200);
    expect(f('amount_to_card_mean')[3]).toBeCloseTo(300 / 15);
    expect(f('amount_to_card_mean')[4]).toBeCloseTo(40 / 110);
  });

  it('does not leak: shuffling input order or appending later rows changes nothing', () => {
    const order = [4, 2, 0, 3, 1];
    const Y = transactionFeatures(spec, order.map((i) => rows[i]));
    for (let k = 0; k < order.length; k++) {
      for (let j = 0; j < X.names.length; j++) expect(Y.columns[j][k]).toEqual(X.columns[j][order[k]]);
    }
    const Z = transactionFeatures(spec, [...rows.slice(0, 3), tx('2020-06-21 02:05:00', 'A', 9999)]);
    expect(Z.columns[X.names.indexOf('amount_to_card_mean')][1]).toBeCloseTo(2); // 20 / 10, unaffected
  });

  it('replays history without emitting rows for it', () => {
    const Y = transactionFeatures(spec, [rows[3]], rows.slice(0, 2));
    expect(Y.nRows).toBe(1);
    expect(Y.columns[X.names.indexOf('card_tx_count_1h')][0]).toBe(1);
    expect(Y.columns[X.names.indexOf('amount_to_card_mean')][0]).toBeCloseTo(20);
  });

  it('maps unseen categories to other', () => {
    const Y = transactionFeatures(spec, [tx('2020-06-21 00:30:00', 'A', 10, { category: 'travel' })]);
    expect(Y.columns[X.names.indexOf('category')][0]).toBe(2);
  });
});

describe('card state reducer', () => {
  it('is pure and matches the batch computation', () => {
    const events = [{ time: 0, amount: 10 }, { time: 1800, amount: 30 }, { time: 5000, amount: 20 }];
    let s: CardState = emptyCardState();
    const frozen = JSON.stringify(s);
    const v0 = velocityFor(s, events[0]);
    s = updateCardState(s, events[0]);
    expect(JSON.stringify(emptyCardState())).toBe(frozen);
    expect(v0.card_tx_count_24h).toBe(0);
    s = updateCardState(s, events[1]);
    const v = velocityFor(s, events[2]);
    expect(v).toEqual({
      card_tx_count_1h: 1, card_amount_sum_1h: 30, card_tx_count_24h: 2, card_amount_sum_24h: 40,
      seconds_since_prev: 3200, amount_to_card_mean: 1,
    });
    const later = updateCardState(s, { time: 200000, amount: 5 });
    expect(later.recent).toEqual([[200000, 5]]);
    expect(later.n).toBe(3);
  });
  it('haversine', () => {
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo(111.19, 1);
  });
});

describe('batched replay', () => {
  it('gives the same velocity batch by batch as in one pass when card state is carried', () => {
    const rows = Array.from({ length: 40 }, (_, i) => tx(`2020-06-21 ${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}:00`, i % 3 ? 'A' : 'B', 10 + i));
    const spec = fitTransactionFeaturizer(rows);
    const whole = transactionFeatures(spec, rows);
    const states = new Map<string, CardState>();
    const parts = [rows.slice(0, 13), rows.slice(13, 30), rows.slice(30)].map((b) => transactionFeatures(spec, b, [], states));
    for (let j = 0; j < whole.names.length; j++) {
      expect(parts.flatMap((p) => Array.from(p.columns[j]))).toEqual(Array.from(whole.columns[j]));
    }
  });
});
