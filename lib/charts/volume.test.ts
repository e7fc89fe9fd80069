import { describe, expect, it } from 'vitest';
import { volumeRows } from './volume';

describe('volumeRows', () => {
  it('splits allowed from flagged and leaves the rate empty on quiet days', () => {
    expect(volumeRows([{ day: '2026-11-20', total: 200, flagged: 7 }, { day: '2026-11-21', total: 0, flagged: 0 }])).toEqual([
      { day: '11-20', allowed: 193, flagged: 7, flagRate: 3.5 },
      { day: '11-21', allowed: 0, flagged: 0, flagRate: null },
    ]);
  });
});
