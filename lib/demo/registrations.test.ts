import { describe, expect, it } from 'vitest';
import { generateEmailChecks } from './email-checks';
import { generateRegistrations } from './registrations';

const START = Date.UTC(2026, 10, 2); // a Monday

describe('generateRegistrations', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = generateRegistrations({ days: 7, start: START, perDay: 200, seed: 3 });
    expect(generateRegistrations({ days: 7, start: START, perDay: 200, seed: 3 })).toEqual(a);
    expect(generateRegistrations({ days: 7, start: START, perDay: 200, seed: 4 })).not.toEqual(a);
  });

  it('holds the requested fraud share, in rings on shared IPs, with unique ids in time order', () => {
    const rows = generateRegistrations({ days: 14, start: START, perDay: 400, fraudRate: 0.08, seed: 5 });
    expect(rows.length).toBeGreaterThan(14 * 400 * 0.8);
    const fraud = rows.filter((r) => r.is_fraud === 1);
    expect(fraud.length / rows.length).toBeGreaterThan(0.07);
    expect(fraud.length / rows.length).toBeLessThan(0.09);
    expect(new Set(rows.map((r) => r.EVENT_ID)).size).toBe(rows.length);
    const times = rows.map((r) => Date.parse(r.EVENT_TIMESTAMP));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true);
    expect(times[0]).toBeGreaterThanOrEqual(START);
    expect(times.at(-1)!).toBeLessThan(START + 14 * 86_400_000);
    // The pattern: most fraud shares its IP with other fraud; honest IPs are mostly used once.
    const perIp = new Map<string, number>();
    for (const r of rows) perIp.set(r.ip_address, (perIp.get(r.ip_address) ?? 0) + 1);
    const fraudOnBusyIp = fraud.filter((r) => perIp.get(r.ip_address)! >= 4).length / fraud.length;
    const legit = rows.filter((r) => r.is_fraud === 0);
    const legitOnBusyIp = legit.filter((r) => perIp.get(r.ip_address)! >= 4).length / legit.length;
    expect(fraudOnBusyIp).toBeGreaterThan(0.6);
    expect(legitOnBusyIp).toBeLessThan(0.25);
    for (const r of rows) expect(r.ip_address).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);
  });

  it('follows the day rhythm: afternoons busier than nights for honest sign-ups', () => {
    const legit = generateRegistrations({ days: 14, start: START, perDay: 300, seed: 6 }).filter((r) => r.is_fraud === 0);
    const hour = (r: { EVENT_TIMESTAMP: string }) => new Date(r.EVENT_TIMESTAMP).getUTCHours();
    const afternoon = legit.filter((r) => hour(r) >= 12 && hour(r) < 16).length;
    const night = legit.filter((r) => hour(r) >= 1 && hour(r) < 5).length;
    expect(afternoon).toBeGreaterThan(4 * night);
  });
});

describe('generateEmailChecks', () => {
  it('spreads labelled addresses over the days, deterministically, with the fraud share asked for', () => {
    const checks = generateEmailChecks({ days: 14, start: START, perDay: 200, fraudRate: 0.1, seed: 9 });
    expect(generateEmailChecks({ days: 14, start: START, perDay: 200, fraudRate: 0.1, seed: 9 })).toEqual(checks);
    const days = new Set(checks.map((c) => Math.floor(c.at / 86_400)));
    expect(days.size).toBe(14);
    const share = checks.filter((c) => c.label === 1).length / checks.length;
    expect(share).toBeGreaterThan(0.09);
    expect(share).toBeLessThan(0.11);
  });
});
