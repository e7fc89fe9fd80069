import { describe, expect, it } from 'vitest';
import { SPARKOV_CATEGORIES, SPARKOV_COLUMNS } from '../ml/events/seed-shapes';
import { generateTransactions, type SparkovRow } from './transactions';

const STRING_COLS = new Set(['trans_date_trans_time', 'cc_num', 'merchant', 'category', 'first', 'last', 'gender', 'street', 'city', 'state', 'job', 'dob', 'trans_num']);
const hourOf = (r: SparkovRow) => Number(r.trans_date_trans_time.slice(11, 13));
const isNight = (r: SparkovRow) => hourOf(r) >= 22 || hourOf(r) < 4;
const distance = (r: SparkovRow) => Math.hypot(r.merch_lat - r.lat, r.merch_long - r.long);
const share = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length / xs.length;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
function luhnOk(num: string): boolean {
  let sum = 0;
  for (let i = num.length - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
    let d = num.charCodeAt(i) - 48;
    if (dbl) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

describe('generateTransactions', () => {
  const rows = generateTransactions();
  const fraud = rows.filter((r) => r.is_fraud === 1);
  const legit = rows.filter((r) => r.is_fraud === 0);

  it('is deterministic per seed', () => {
    const a = generateTransactions({ cards: 40, days: 10, seed: 7 });
    expect(generateTransactions({ cards: 40, days: 10, seed: 7 })).toEqual(a);
    expect(generateTransactions({ cards: 40, days: 10, seed: 8 })).not.toEqual(a);
  });

  it('has a plausible volume and a 1–2% fraud rate by default', () => {
    // 300 cards × 30 days at ~1.5–2 transactions per card-day.
    expect(rows.length).toBeGreaterThan(9_000);
    expect(rows.length).toBeLessThan(30_000);
    expect(fraud.length / rows.length).toBeGreaterThanOrEqual(0.01);
    expect(fraud.length / rows.length).toBeLessThanOrEqual(0.02);
    expect(new Set(rows.map((r) => r.cc_num)).size).toBe(300);
  });

  it('honours fraudRate, including zero', () => {
    const hi = generateTransactions({ cards: 100, days: 20, fraudRate: 0.05, seed: 5 });
    const rate = share(hi, (r) => r.is_fraud === 1);
    expect(rate).toBeGreaterThan(0.04);
    expect(rate).toBeLessThan(0.06);
    expect(generateTransactions({ cards: 50, days: 5, fraudRate: 0 }).some((r) => r.is_fraud)).toBe(false);
    expect(generateTransactions({ cards: 0 })).toEqual([]);
    expect(generateTransactions({ days: 0 })).toEqual([]);
  });

  it('emits exactly the Sparkov columns, in order, with CSV-like types and formats', () => {
    const problems: string[] = [];
    const start = Date.UTC(2026, 0, 1) / 1000;
    for (const r of rows) {
      if (Object.keys(r).join() !== SPARKOV_COLUMNS.join()) problems.push(`columns ${Object.keys(r).join()}`);
      for (const c of SPARKOV_COLUMNS) {
        const want = STRING_COLS.has(c) ? 'string' : 'number';
        if (typeof r[c] !== want || (want === 'number' && !Number.isFinite(r[c]))) problems.push(`${c}=${r[c]}`);
      }
      const iso = new Date(r.unix_time * 1000).toISOString();
      if (r.trans_date_trans_time !== `${iso.slice(0, 10)} ${iso.slice(11, 19)}`) problems.push(`time ${r.trans_date_trans_time}`);
      if (r.unix_time < start || r.unix_time >= start + 30 * 86_400) problems.push(`out of window ${r.unix_time}`);
      if (!/^\d{12,19}$/.test(r.cc_num) || !luhnOk(r.cc_num)) problems.push(`cc_num ${r.cc_num}`);
      if (!/^[0-9a-f]{32}$/.test(r.trans_num)) problems.push(`trans_num ${r.trans_num}`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(r.dob)) problems.push(`dob ${r.dob}`);
      if (!r.merchant.startsWith('fraud_')) problems.push(`merchant ${r.merchant}`);
      if (!(SPARKOV_CATEGORIES as readonly string[]).includes(r.category)) problems.push(`category ${r.category}`);
      if (r.gender !== 'F' && r.gender !== 'M') problems.push(`gender ${r.gender}`);
      if (r.is_fraud !== 0 && r.is_fraud !== 1) problems.push(`is_fraud ${r.is_fraud}`);
      if (!(r.amt >= 1) || Number(r.amt.toFixed(2)) !== r.amt) problems.push(`amt ${r.amt}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(new Set(rows.map((r) => r.trans_num)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.category)).size).toBe(14);
  });

  it('is sorted by time and keeps one identity per card', () => {
    for (let i = 1; i < rows.length; i++) if (rows[i].unix_time < rows[i - 1].unix_time) throw new Error(`unsorted at ${i}`);
    const identity = new Map<string, string>();
    for (const r of rows) {
      const id = [r.first, r.last, r.gender, r.street, r.city, r.state, r.zip, r.lat, r.long, r.city_pop, r.job, r.dob].join('|');
      expect(identity.get(r.cc_num) ?? id).toBe(id);
      identity.set(r.cc_num, id);
    }
  });

  it('puts legitimate merchants near home, like Sparkov', () => {
    expect(share(legit, (r) => Math.abs(r.merch_lat - r.lat) <= 1 && Math.abs(r.merch_long - r.long) <= 1)).toBeGreaterThan(0.9);
    expect(share(fraud, (r) => distance(r) > 3)).toBeGreaterThan(share(legit, (r) => distance(r) > 3) * 5);
  });

  it('makes fraud nocturnal, expensive, online-heavy and bursty', () => {
    expect(share(fraud, isNight)).toBeGreaterThan(0.6);
    expect(share(fraud, isNight)).toBeGreaterThan(3 * share(legit, isNight));
    expect(median(fraud.map((r) => r.amt))).toBeGreaterThan(3 * median(legit.map((r) => r.amt)));
    const online = (r: SparkovRow) => ['shopping_net', 'misc_net', 'grocery_net', 'shopping_pos'].includes(r.category);
    expect(share(fraud, online)).toBeGreaterThan(share(legit, online) * 1.5);
    // Velocity: consecutive fraud rows on one card come minutes apart.
    const gaps: number[] = [];
    const last = new Map<string, number>();
    for (const r of fraud) {
      const prev = last.get(r.cc_num);
      if (prev !== undefined) gaps.push(r.unix_time - prev);
      last.set(r.cc_num, r.unix_time);
    }
    expect(gaps.length).toBeGreaterThan(fraud.length / 2);
    expect(median(gaps)).toBeLessThan(3600);
  });

  it('lets a trivial rule (amount > 200 or night) beat chance by far, but not perfectly', () => {
    const flagged = (r: SparkovRow) => r.amt > 200 || isNight(r);
    const recall = share(fraud, flagged);
    const falseAlarm = share(legit, flagged);
    const precision = fraud.filter(flagged).length / rows.filter(flagged).length;
    expect(recall - falseAlarm).toBeGreaterThan(0.6); // Youden's J; chance is 0
    expect(precision).toBeGreaterThan(4 * (fraud.length / rows.length));
    expect(recall).toBeLessThan(1);
    expect(falseAlarm).toBeGreaterThan(0);
  });

  it('rejects bad options', () => {
    expect(() => generateTransactions({ cards: -1 })).toThrow(RangeError);
    expect(() => generateTransactions({ days: 1.5 })).toThrow(RangeError);
    expect(() => generateTransactions({ fraudRate: 1 })).toThrow(RangeError);
  });
});
