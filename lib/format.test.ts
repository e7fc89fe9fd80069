import { describe, expect, it } from 'vitest';
import { formatAgo, formatCount, formatDate, formatDateTime, formatDuration, formatMetric, formatMoney, formatMonthDay, formatParam, formatPercent, formatScore, formatValue } from './format';

describe('dates are UTC and ISO-like', () => {
  it('formats date-times and days in UTC, whatever the input form', () => {
    expect(formatDateTime('2026-12-03T14:05:59Z')).toBe('2026-12-03 14:05 UTC');
    expect(formatDateTime(new Date(Date.UTC(2026, 11, 3, 14, 5)))).toBe('2026-12-03 14:05 UTC');
    expect(formatDateTime(Date.UTC(2026, 11, 3, 14, 5))).toBe('2026-12-03 14:05 UTC');
    expect(formatDate('2026-12-03T14:05:00Z')).toBe('2026-12-03');
    expect(formatMonthDay('2026-12-03')).toBe('12-03');
  });

  it('takes the UTC day at the boundary, not the local one', () => {
    // 23:59 on the 3rd in New York is 04:59 on the 4th in UTC.
    expect(formatDate('2026-12-03T23:59:00-05:00')).toBe('2026-12-04');
    expect(formatDateTime('2026-12-03T23:59:00-05:00')).toBe('2026-12-04 04:59 UTC');
    expect(formatDate('2026-12-31T23:59:59.999Z')).toBe('2026-12-31');
    expect(formatDate('2027-01-01T00:00:00.000Z')).toBe('2027-01-01');
    expect(formatDateTime('2026-12-03T00:00:00+01:00')).toBe('2026-12-02 23:00 UTC');
  });

  it('shows a dash for missing and invalid dates', () => {
    for (const bad of [null, undefined, '', 'not a date', NaN, new Date('nope')]) {
      expect(formatDateTime(bad)).toBe('–');
      expect(formatDate(bad)).toBe('–');
      expect(formatMonthDay(bad)).toBe('–');
    }
  });

  it('says how long ago', () => {
    const now = new Date('2025-01-01T12:00:00Z');
    expect(formatAgo('2025-01-01T11:59:30Z', now)).toBe('just now');
    expect(formatAgo('2025-01-01T11:30:00Z', now)).toBe('30 min ago');
    expect(formatAgo('2025-01-01T09:00:00Z', now)).toBe('3 h ago');
    expect(formatAgo('2024-12-30T12:00:00Z', now)).toBe('2 d ago');
    expect(formatAgo('garbage', now)).toBe('–');
  });
});

describe('money and numbers', () => {
  it('formats money one way: symbol, grouping, two decimals', () => {
    expect(formatMoney(1234.56)).toBe('$1,234.56');
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(1_000_000)).toBe('$1,000,000.00');
    expect(formatMoney(0.005)).toBe('$0.01');
    expect(formatMoney(-12.5)).toBe('-$12.50');
    expect(formatMoney(1234.5, 'EUR')).toBe('€1,234.50');
    expect(formatMoney(1234.5, 'eur')).toBe('€1,234.50');
    expect(formatMoney(1234.5, 'NOT-A-CODE')).toBe('NOT-A-CODE 1,234.50');
  });

  it('shows a dash for missing money and non-finite numbers', () => {
    for (const bad of [null, undefined, NaN, Infinity]) {
      expect(formatMoney(bad)).toBe('–');
      expect(formatCount(bad)).toBe('–');
      expect(formatPercent(bad)).toBe('–');
      expect(formatMetric(bad)).toBe('–');
      expect(formatScore(bad)).toBe('–');
    }
  });

  it('groups counts and rounds them to whole numbers', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1_234_567.6)).toBe('1,234,568');
  });

  it('formats percentages and metrics with fixed digits', () => {
    expect(formatPercent(0.0909)).toBe('9.1%');
    expect(formatPercent(0.5, 0)).toBe('50%');
    expect(formatPercent(0.01234, 2)).toBe('1.23%');
    expect(formatMetric(0.91234)).toBe('0.912');
    expect(formatMetric(0.91234, 4)).toBe('0.9123');
  });

  it('keeps the 0–99 score convention: floored, never 100%', () => {
    expect(formatScore(0)).toBe('0%');
    expect(formatScore(0.879)).toBe('87%');
    expect(formatScore(0.999)).toBe('99%');
    expect(formatScore(1)).toBe('99%');
  });

  it('formats parameters and payload values without float noise', () => {
    expect(formatParam(0.1 + 0.2)).toBe('0.3');
    expect(formatParam(200)).toBe('200');
    expect(formatParam('sqrt')).toBe('sqrt');
    expect(formatParam(null)).toBe('–');
    expect(formatValue(1234.5678901)).toBe('1234.5679');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue('')).toBe('–');
  });
});

describe('durations', () => {
  it('formats each scale with zero-padded minor units', () => {
    expect(formatDuration(450)).toBe('450 ms');
    expect(formatDuration(4_260)).toBe('4.2 s');
    expect(formatDuration(15_400)).toBe('15 s');
    expect(formatDuration(59_999)).toBe('59 s');
    expect(formatDuration(60_000)).toBe('1 min 00 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
    expect(formatDuration(3_599_999)).toBe('59 min 59 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
    expect(formatDuration(26 * 3_600_000)).toBe('26 h 00 min');
  });

  it('shows a dash for missing, negative and non-finite durations', () => {
    for (const bad of [null, undefined, -1, NaN, Infinity]) expect(formatDuration(bad)).toBe('–');
  });
});
