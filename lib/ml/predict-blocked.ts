// The plain JavaScript predictor: each tree's nodes in one interleaved array walked for a block of rows at a
// time, for ensembles too big or too deep for WebAssembly, or where it is unavailable (--jitless).
import type { TreeEnsemble } from './ensemble';

/** Per tree, nodes renumbered breadth first from 0: ints [feature, missingLeft, left, right], nums [threshold, value]. */
export function blockedScorer(e: TreeEnsemble, block: number): (cols: readonly Float64Array[], lo: number, len: number) => Float64Array {
  const { feature, threshold, missingLeft, left, right, value, treeRoots } = e;
  const trees: { ints: Int32Array; nums: Float64Array }[] = [];
  for (let t = 0; t < treeRoots.length; t++) {
    const order: number[] = [treeRoots[t]];
    for (let q = 0; q < order.length; q++) {
      const k = order[q];
      if (feature[k] >= 0) order.push(left[k], right[k]);
    }
    const local = new Map<number, number>();
    order.forEach((k, j) => local.set(k, j));
    const ints = new Int32Array(order.length * 4);
    const nums = new Float64Array(order.length * 2);
    order.forEach((k, j) => {
      const f = feature[k];
      ints[4 * j] = f;
      ints[4 * j + 1] = missingLeft[k];
      ints[4 * j + 2] = f >= 0 ? local.get(left[k])! : -1;
      ints[4 * j + 3] = f >= 0 ? local.get(right[k])! : -1;
      nums[2 * j] = threshold[k];
      nums[2 * j + 1] = value[k];
    });
    trees.push({ ints, nums });
  }
  const sums = new Float64Array(block);
  return (cols, lo, len) => {
    sums.fill(0, 0, len);
    for (let t = 0; t < trees.length; t++) {
      const { ints, nums } = trees[t];
      for (let k = 0; k < len; k++) {
        const i = lo + k;
        let node = 0;
        let f = ints[0];
        while (f >= 0) {
          const x = cols[f][i];
          const goLeft = x !== x ? ints[4 * node + 1] === 1 : x <= nums[2 * node];
          node = ints[4 * node + (goLeft ? 2 : 3)];
          f = ints[4 * node];
        }
        sums[k] += nums[2 * node + 1];
      }
    }
    return sums;
  };
}
