import { describe, expect, it } from 'vitest';
import { DAY_MS, planTraffic } from './traffic-plan';

describe('planTraffic', () => {
  const now = new Date(Date.UTC(2026, 11, 3, 15, 30)); // a Thursday afternoon
  const plan = planTraffic({ days: 14, now });

  it('covers the days ending today, each item in its own day and none after now, without labels', () => {
    expect(plan.days).toHaveLength(14);
    expect(plan.days[13].start.getTime()).toBe(Date.UTC(2026, 11, 3));
    for (const day of plan.days) {
      const inDay = (ms: number) => ms >= day.start.getTime() && ms < day.start.getTime() + DAY_MS && ms <= now.getTime();
      expect(day.cards.every((c) => inDay(c.unix_time * 1000) && !('is_fraud' in c))).toBe(true);
      expect(day.emails.every((e) => inDay(e.at * 1000) && !('label' in e))).toBe(true);
      expect(day.signUps.every((s) => inDay(Date.parse(s.EVENT_TIMESTAMP)) && !('is_fraud' in s))).toBe(true);
    }
    // Today holds only its morning and early afternoon: fewer than a full day.
    expect(plan.days[13].cards.length).toBeLessThan(plan.days[12].cards.length);
  });

  it('has the volumes the demo is sized for, with the truth kept aside for every item', () => {
    const full = plan.days.slice(0, 13);
    const perDay = (n: (d: (typeof full)[number]) => number) => full.reduce((s, d) => s + n(d), 0) / full.length;
    expect(perDay((d) => d.cards.length)).toBeGreaterThan(450);
    expect(perDay((d) => d.cards.length)).toBeLessThan(1000);
    expect(perDay((d) => d.emails.length)).toBeGreaterThan(50);
    expect(perDay((d) => d.signUps.length)).toBeGreaterThan(150);
    const cards = plan.days.flatMap((d) => d.cards);
    expect(cards.every((c) => plan.fraud.cards.has(c.trans_num))).toBe(true);
    const fraudShare = cards.filter((c) => plan.fraud.cards.get(c.trans_num) === 1).length / cards.length;
    expect(fraudShare).toBeGreaterThan(0.015);
    expect(fraudShare).toBeLessThan(0.05);
    expect(plan.days.flatMap((d) => d.signUps).every((s) => plan.fraud.signUps.has(s.EVENT_ID))).toBe(true);
  });

  it('is deterministic, and refuses sizes it was not built for', () => {
    expect(planTraffic({ days: 3, now }).days[1].cards).toEqual(planTraffic({ days: 3, now }).days[1].cards);
    expect(() => planTraffic({ days: 0, now })).toThrow(RangeError);
    expect(() => planTraffic({ days: 2, now, scale: 0 })).toThrow(RangeError);
  });
});
