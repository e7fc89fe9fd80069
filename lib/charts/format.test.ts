import { describe, expect, it } from 'vitest';
import { fmtAgo, fmtDateTime, fmtDuration, fmtMetric, fmtParam, fmtPct } from './format';

describe('format', () => {
  it('formats metrics and percentages, with a dash for missing values', () => {
    expect(fmtMetric(0.91234)).toBe('0.912');
    expect(fmtMetric(null)).toBe('–');
    expect(fmtMetric(NaN)).toBe('–');
    expect(fmtPct(0.0909)).toBe('9.1%');
  });

  it('formats durations at each scale', () => {
    expect(fmtDuration(450)).toBe('450 ms');
    expect(fmtDuration(12_340)).toBe('12.3 s');
    expect(fmtDuration(125_000)).toBe('2 min 5 s');
    expect(fmtDuration(-1)).toBe('–');
  });

  it('formats params without float noise', () => {
    expect(fmtParam(0.1 + 0.2)).toBe('0.3');
    expect(fmtParam(200)).toBe('200');
    expect(fmtParam('sqrt')).toBe('sqrt');
    expect(fmtParam(null)).toBe('–');
  });

  it('says how long ago', () => {
    const now = new Date('2025-01-01T12:00:00Z');
    expect(fmtAgo('2025-01-01T11:59:30Z', now)).toBe('just now');
    expect(fmtAgo('2025-01-01T11:30:00Z', now)).toBe('30 min ago');
    expect(fmtAgo('2024-12-30T12:00:00Z', now)).toBe('2 d ago');
  });
});

it('formats date-times in UTC', () => {
  expect(fmtDateTime('2025-03-04T05:06:07Z')).toBe('2025-03-04 05:06 UTC');
  expect(fmtDateTime(null)).toBe('–');
});
