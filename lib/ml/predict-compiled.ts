// Batch scoring of a TreeEnsemble with a predictor built once per ensemble and cached.
//
// - 'wasm' (default): the trees are emitted as a small WebAssembly module (built here from the ensemble's numbers,
//   no toolchain): each function runs a group of trees as nested if/else over one row's feature values held in
//   locals, thresholds and leaf values as exact f64 constants, for every row of a block. Rows are scored in blocks
//   of BLOCK: the block's used columns are copied into the module's memory, then every tree group runs over the
//   block, so the code and the block stay in cache. V8 compiles it at once (Liftoff) and tiers hot functions up,
//   so there is no slow warm-up as with generated JavaScript.
// - 'blocked': the same tree-by-tree row-block order in plain JavaScript over one interleaved node array, for
//   ensembles too big or too deep to emit, or where WebAssembly is unavailable (--jitless).
//
// Both are bit-identical to the row-at-a-time walk (`predictBatchRowwise`): a row goes left when x <= threshold,
// or when x is NaN and missingLeft; it sums its trees' leaf values in tree order starting from 0 (f64 addition is
// IEEE in both engines), then baseScore + sum * scale, then 1 / (1 + exp(-m)) for gbdt, computed here in JS.
import type { TreeEnsemble } from './ensemble';
import type { FeatureMatrix } from './types';
import { blockedScorer } from './predict-blocked';
import { OP, section, WasmBytes } from './wasm-bytes';

export type PredictorKind = 'wasm' | 'blocked';

export interface CompiledPredictor {
  kind: PredictorKind;
  /** Probabilities (gbdt) or averaged tree outputs (forest) for rows [0, n) of the columns into out. */
  predict(cols: readonly Float64Array[], n: number, out: Float64Array): void;
}

/** Rows per block (measured: 1,024 rows × used columns × 8 bytes beat 256 and 512 and matched 4,096). */
const BLOCK = 1024;
/** Nodes per emitted function: about 16 depth-6 trees; a bigger tree gets a function of its own. */
const NODES_PER_FUNCTION = 1500;
/** Beyond these the module would take long to compile (or nest too deep), and 'blocked' is used. */
const MAX_WASM_NODES = 2_000_000;
const MAX_WASM_DEPTH = 512;

/** Trees are averaged for a forest and summed for boosting. */
export function treeScale(e: TreeEnsemble): number {
  return e.kind === 'forest' && e.treeRoots.length > 0 ? 1 / e.treeRoots.length : 1;
}

/** The reference row-at-a-time walk (the predictor before row blocks); kept for tests and the benchmark. */
export function predictBatchRowwise(e: TreeEnsemble, X: FeatureMatrix, out?: Float64Array): Float64Array {
  const n = X.nRows;
  const result = out ?? new Float64Array(n);
  const { feature, threshold, missingLeft, left, right, value, treeRoots } = e;
  const cols = X.columns;
  const nFeatures = cols.length;
  const row = new Float64Array(nFeatures);
  const nTrees = treeRoots.length;
  const scale = treeScale(e);
  const isGbdt = e.kind === 'gbdt';
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < nFeatures; f++) row[f] = cols[f][i];
    let sum = 0;
    for (let t = 0; t < nTrees; t++) {
      let node = treeRoots[t];
      let f = feature[node];
      while (f >= 0) {
        const x = row[f];
        node = (x !== x ? missingLeft[node] === 1 : x <= threshold[node]) ? left[node] : right[node];
        f = feature[node];
      }
      sum += value[node];
    }
    const m = e.baseScore + sum * scale;
    result[i] = isGbdt ? 1 / (1 + Math.exp(-m)) : m;
  }
  return result;
}

interface Cached { predictor: CompiledPredictor; arrays: unknown[] }
const cache = new WeakMap<TreeEnsemble, Cached>();
const arraysOf = (e: TreeEnsemble): unknown[] => [e.feature, e.threshold, e.missingLeft, e.left, e.right, e.value, e.treeRoots, e.baseScore, e.kind];

/**
 * The cached predictor of e, built on first use. Replacing any of e's arrays rebuilds it; changing their
 * contents in place is not detected (ensembles are immutable once assembled or loaded).
 */
export function compiledPredictor(e: TreeEnsemble): CompiledPredictor {
  const arrays = arraysOf(e);
  const hit = cache.get(e);
  if (hit && hit.arrays.every((a, j) => a === arrays[j])) return hit.predictor;
  const predictor = compilePredictor(e);
  cache.set(e, { predictor, arrays });
  return predictor;
}

/** Builds a predictor; `kind` forces one (tests, benchmark), otherwise wasm when it fits and is available. */
export function compilePredictor(e: TreeEnsemble, kind?: PredictorKind): CompiledPredictor {
  const depth = validateStructure(e);
  if (kind !== 'blocked') {
    const fits = e.feature.length <= MAX_WASM_NODES && depth <= MAX_WASM_DEPTH;
    const p = kind === 'wasm' || fits ? tryWasm(e, kind === 'wasm') : null;
    if (p) return p;
  }
  return blocked(e);
}

/** Checks that nodes describe trees inside the arrays (so every walk ends at a leaf); returns the deepest leaf's depth. */
function validateStructure(e: TreeEnsemble): number {
  const { feature, threshold, value, left, right, treeRoots } = e;
  const n = feature.length;
  for (const k of ['threshold', 'missingLeft', 'left', 'right', 'value'] as const) {
    if (e[k].length !== n) throw new Error(`ensemble: ${k} has ${e[k].length} entries, expected ${n}`);
  }
  if (!Number.isInteger(e.nFeatures) || e.nFeatures < 0) throw new Error('ensemble: bad nFeatures');
  for (let t = 0; t < treeRoots.length; t++) {
    if (!(treeRoots[t] >= 0 && treeRoots[t] < n)) throw new Error(`ensemble: tree ${t} root ${treeRoots[t]} out of range`);
  }
  for (let k = 0; k < n; k++) {
    const f = feature[k];
    if (typeof threshold[k] !== 'number' || typeof value[k] !== 'number') throw new Error(`ensemble: node ${k} is not numeric`);
    if (f < 0) continue;
    if (f >= e.nFeatures) throw new Error(`ensemble: node ${k} splits on feature ${f} of ${e.nFeatures}`);
    // Children always follow their parent in the layouts we build, so no walk can loop.
    if (!(left[k] > k && left[k] < n && right[k] > k && right[k] < n)) throw new Error(`ensemble: node ${k} has bad children`);
  }
  let deepest = 0;
  const nodes: number[] = [], depths: number[] = [];
  for (let t = 0; t < treeRoots.length; t++) {
    nodes.push(treeRoots[t]); depths.push(0);
    while (nodes.length) {
      const node = nodes.pop()!, d = depths.pop()!;
      if (feature[node] >= 0) { nodes.push(left[node], right[node]); depths.push(d + 1, d + 1); } else if (d > deepest) deepest = d;
    }
  }
  return deepest;
}

/** Adds every row's output of the compiled trees; shared by both kinds. */
function finish(e: TreeEnsemble, kind: PredictorKind, block: number,
  scoreBlock: (cols: readonly Float64Array[], lo: number, len: number) => Float64Array): CompiledPredictor {
  const scale = treeScale(e);
  const base = e.baseScore;
  const isGbdt = e.kind === 'gbdt';
  return {
    kind,
    predict(cols, n, out) {
      if (cols.length < e.nFeatures) throw new Error(`predict: model needs ${e.nFeatures} features, got ${cols.length}`);
      if (out.length < n) throw new Error(`predict: output holds ${out.length} of ${n} rows`);
      for (let lo = 0; lo < n; lo += block) {
        const len = Math.min(block, n - lo);
        const sums = scoreBlock(cols, lo, len);
        for (let k = 0; k < len; k++) {
          const m = base + sums[k] * scale;
          out[lo + k] = isGbdt ? 1 / (1 + Math.exp(-m)) : m;
        }
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// WebAssembly

/**
 * Memory: the block's used columns, slot s at byte s*BLOCK*8 (row k at +k*8), then the block's sums.
 * Function g(endByte) runs its trees for rows k*8 < endByte: sum = load(sums); per tree sum = sum + leaf; store.
 */
function tryWasm(e: TreeEnsemble, strict: boolean): CompiledPredictor | null {
  if (typeof WebAssembly === 'undefined') {
    if (strict) throw new Error('compilePredictor: WebAssembly is not available');
    return null;
  }
  const { feature, threshold, missingLeft, left, right, value, treeRoots } = e;
  // Only the features some split uses are copied in, each into a slot.
  const slotOf = new Int32Array(e.nFeatures).fill(-1);
  const used: number[] = [];
  for (let k = 0; k < feature.length; k++) {
    const f = feature[k];
    if (f >= 0 && slotOf[f] < 0) { slotOf[f] = used.length; used.push(f); }
  }
  const sumsAt = used.length * BLOCK * 8;
  const pages = Math.ceil((sumsAt + BLOCK * 8) / 65536);

  // Tree groups of about NODES_PER_FUNCTION nodes, in tree order.
  const groups: number[][] = [];
  let group: number[] = [], groupNodes = 0;
  for (let t = 0; t < treeRoots.length; t++) {
    const size = (t + 1 < treeRoots.length ? treeRoots[t + 1] : feature.length) - treeRoots[t];
    if (group.length && groupNodes + size > NODES_PER_FUNCTION) { groups.push(group); group = []; groupNodes = 0; }
    group.push(t); groupNodes += Math.max(1, size);
  }
  if (group.length) groups.push(group);

  // Locals: 0 = end byte (param), 1 = row byte offset k, 2 = sum, 3 + slot = the row's value of that feature.
  const K = 1, SUM = 2, X = (slot: number) => 3 + slot;
  const code = new WasmBytes().u32(groups.length);
  for (const trees of groups) {
    const body = new WasmBytes();
    const inGroup = new Uint8Array(used.length);
    const emit = (node: number): void => {
      const f = feature[node];
      if (f < 0) { body.byte(OP.f64Const).f64(value[node]); return; }
      const slot = slotOf[f];
      inGroup[slot] = 1;
      // Missing left: `x > thr` is false for NaN, so its else-arm (left) takes NaN; missing right: `x <= thr` is
      // false for NaN, which goes right. A NaN threshold sends every number right: then test `x != x` (is NaN).
      const thr = threshold[node];
      const ml = missingLeft[node] === 1;
      if (ml && thr !== thr) body.byte(OP.localGet).u32(X(slot)).byte(OP.localGet).u32(X(slot)).byte(OP.f64Ne);
      else body.byte(OP.localGet).u32(X(slot)).byte(OP.f64Const).f64(thr).byte(ml ? OP.f64Gt : OP.f64Le);
      const thenLeft = !ml || thr !== thr;
      body.byte(OP.if).byte(OP.f64Type);
      emit(thenLeft ? left[node] : right[node]);
      body.byte(OP.else);
      emit(thenLeft ? right[node] : left[node]);
      body.byte(OP.end);
    };
    for (const t of trees) {
      body.byte(OP.localGet).u32(SUM);
      emit(treeRoots[t]);
      body.byte(OP.f64Add).byte(OP.localSet).u32(SUM);
    }
    const fn = new WasmBytes();
    fn.u32(2).u32(1).byte(OP.i32Type).u32(1 + used.length).byte(OP.f64Type); // locals: k, sum + one per slot
    fn.byte(OP.block).byte(OP.voidType).byte(OP.loop).byte(OP.voidType);
    fn.byte(OP.localGet).u32(K).byte(OP.localGet).u32(0).byte(OP.i32GeU).byte(OP.brIf).u32(1);
    for (let s = 0; s < used.length; s++) {
      if (inGroup[s]) fn.byte(OP.localGet).u32(K).byte(OP.f64Load).u32(3).u32(s * BLOCK * 8).byte(OP.localSet).u32(X(s));
    }
    fn.byte(OP.localGet).u32(K).byte(OP.f64Load).u32(3).u32(sumsAt).byte(OP.localSet).u32(SUM);
    fn.append(body);
    fn.byte(OP.localGet).u32(K).byte(OP.localGet).u32(SUM).byte(OP.f64Store).u32(3).u32(sumsAt);
    fn.byte(OP.localGet).u32(K).byte(OP.i32Const).i32(8).byte(OP.i32Add).byte(OP.localSet).u32(K);
    fn.byte(OP.br).u32(0).byte(OP.end).byte(OP.end).byte(OP.end);
    code.u32(fn.length).append(fn);
  }

  const m = new WasmBytes().byte(0).byte(0x61).byte(0x73).byte(0x6d).byte(1).byte(0).byte(0).byte(0);
  section(m, 1, new WasmBytes().u32(1).byte(0x60).u32(1).byte(OP.i32Type).u32(0)); // type 0: (i32) -> ()
  const funcs = new WasmBytes().u32(groups.length);
  for (let g = 0; g < groups.length; g++) funcs.u32(0);
  section(m, 3, funcs);
  section(m, 5, new WasmBytes().u32(1).byte(0).u32(pages)); // one memory, min pages, no max
  const exports = new WasmBytes().u32(1 + groups.length).name('mem').byte(2).u32(0);
  for (let g = 0; g < groups.length; g++) exports.name(`g${g}`).byte(0).u32(g);
  section(m, 7, exports);
  section(m, 10, code);

  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(new WebAssembly.Module(m.bytes()), {});
  } catch (err) {
    // Where the embedder disallows code generation (--jitless, --disallow-code-generation-from-strings) compiling
    // throws; fall back to plain JavaScript then. Tests force 'wasm' (strict) so a bad module cannot hide.
    if (strict) throw err;
    return null;
  }
  const memory = instance.exports.mem as WebAssembly.Memory;
  const fns = groups.map((_, g) => instance.exports[`g${g}`] as (endByte: number) => void);
  const heap = new Float64Array(memory.buffer);
  const sums = heap.subarray(sumsAt / 8, sumsAt / 8 + BLOCK);
  return finish(e, 'wasm', BLOCK, (cols, lo, len) => {
    for (let s = 0; s < used.length; s++) heap.set(cols[used[s]].subarray(lo, lo + len), s * BLOCK);
    sums.fill(0, 0, len);
    for (let g = 0; g < fns.length; g++) fns[g](len * 8);
    return sums;
  });
}

/** The plain JavaScript fallback (predict-blocked.ts) behind the shared block loop. */
function blocked(e: TreeEnsemble): CompiledPredictor {
  return finish(e, 'blocked', BLOCK, blockedScorer(e, BLOCK));
}
