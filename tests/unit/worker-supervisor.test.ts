import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, restartDelayMs } from '@/lib/server/platform/worker-supervisor';

describe('worker restart backoff', () => {
  it('doubles from 1 s and stays at 60 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 100].map((n) => restartDelayMs(n))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(DEFAULT_BACKOFF.stableMs).toBe(60_000);
  });
});
