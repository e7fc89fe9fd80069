import { describe, expect, it } from 'vitest';
import { reliabilityRows } from './reliability';

describe('reliabilityRows', () => {
  it('merges both series in order of predicted probability, each row tagged with its series', () => {
    const before = [{ bin: 'a', predicted: 0.6, observed: 0.3, count: 5 }, { bin: 'b', predicted: 0.1, observed: 0.02, count: 50 }];
    const after = [{ bin: 'a', predicted: 0.3, observed: 0.31, count: 5 }];
    expect(reliabilityRows(before, after)).toEqual([
      { predicted: 0.1, before: 0.02 }, { predicted: 0.3, after: 0.31 }, { predicted: 0.6, before: 0.3 },
    ]);
    expect(reliabilityRows([], [])).toEqual([]);
  });
});
