import { describe, expect, it } from 'vitest';
import { generateCreditRecords } from './credit';
import { generateUserEvents } from './user-events';

describe('seed-compatible demo data', () => {
  it('credit records are deterministic, plausible and separable but not trivially', () => {
    const a = generateCreditRecords({ count: 2000, seed: 1 });
    expect(generateCreditRecords({ count: 2000, seed: 1 })).toEqual(a);
    const fraud = a.filter((r) => r.is_fraud), legit = a.filter((r) => !r.is_fraud);
    expect(fraud.length / a.length).toBeGreaterThan(0.05);
    expect(fraud.length / a.length).toBeLessThan(0.12);
    const overLimit = (rs: typeof a) => rs.filter((r) => r.total_balance > r.total_credit_limit).length / rs.length;
    expect(overLimit(fraud)).toBeGreaterThan(0.6);
    expect(overLimit(legit)).toBeLessThan(0.1);
    expect(overLimit(legit)).toBeGreaterThan(0);
  });

  it('user events mark every event of a fake user, and bots act more', () => {
    const ev = generateUserEvents({ users: 800, seed: 2 });
    const byUser = new Map<string, { n: number; fake: number }>();
    for (const e of ev) {
      const u = byUser.get(e.UserId) ?? { n: 0, fake: e.Fake };
      expect(e.Fake).toBe(u.fake);
      u.n++;
      byUser.set(e.UserId, u);
    }
    const mean = (f: number) => { const us = [...byUser.values()].filter((u) => u.fake === f); return us.reduce((s, u) => s + u.n, 0) / us.length; };
    expect(mean(1)).toBeGreaterThan(mean(0) * 1.5);
  });
});
