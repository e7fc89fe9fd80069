// In-memory scoring throughput: our compiled predictor against XGBoost's inplace_predict, same ensemble size
// (100 trees, depth 6, 15 features), same rows, single thread each.
// Usage: npx tsx bench/predict-speed.ts [--rows 200000] [--repeats 5] [--cycles 2]
// Each cycle runs one Node child and one Python child back to back (so both see the same load); each child trains
// its model once, then times `repeats` passes over the rows. Medians are over all cycles' passes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { predictBatch } from '../lib/ml/ensemble';
import { trainGbdt } from '../lib/ml/gbdt';
import { compilePredictor, predictBatchRowwise } from '../lib/ml/predict-compiled';
import { median, table } from './lib/common';
import { isMain } from './lib/process';
import { readSyntheticCsv, writeSyntheticCsv } from './lib/synthetic';

const SELF = fileURLToPath(import.meta.url);
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const GBDT = { rounds: 100, depth: 6, learningRate: 0.1, l2: 1, minChildWeight: 1, earlyStopping: 0, seed: 42 };

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

export interface Ours { nodes: number; buildMs: number; firstCall: number; wasm: number[]; blocked: number[]; rowwise: number[] }
export interface Ref { nodes: number; threads1: number[]; threads2: number[] }

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

/** Child: train the bench GBDT, then time each predictor on the training rows; results must be bit-identical. */
function child(file: string, repeats: number): void {
  const { X, y } = readSyntheticCsv(file);
  const e = trainGbdt(X, y, GBDT);
  const out = new Float64Array(X.nRows);
  const t0 = performance.now();
  compilePredictor(e); // what predictBatch's first call builds (and caches)
  const buildMs = performance.now() - t0;
  const firstCall = time(() => predictBatch(e, X, out)); // module build + Liftoff code + tier-up, as a CLI run sees it
  const ref = predictBatchRowwise(e, X);
  const blockedP = compilePredictor(e, 'blocked');
  const r: Ours = { nodes: e.feature.length, buildMs, firstCall, wasm: [], blocked: [], rowwise: [] };
  for (let k = 0; k < repeats; k++) {
    r.wasm.push(time(() => predictBatch(e, X, out)));
    for (let i = 0; i < out.length; i++) if (!Object.is(out[i], ref[i])) throw new Error(`wasm differs at row ${i}`);
    r.blocked.push(time(() => blockedP.predict(X.columns, X.nRows, out)));
    for (let i = 0; i < out.length; i++) if (!Object.is(out[i], ref[i])) throw new Error(`blocked differs at row ${i}`);
    r.rowwise.push(time(() => predictBatchRowwise(e, X, out)));
  }
  console.log(`RESULT ${JSON.stringify(r)}`);
}

function runChild<T>(cmd: string, args: string[]): T {
  // Passive OpenMP waits: spinning threads distort XGBoost's timings on a shared machine.
  const env = { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' };
  const text = execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'], env });
  const line = text.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no RESULT from ${cmd} ${args.join(' ')}:\n${text}`);
  return JSON.parse(line.slice(7)) as T;
}

export interface PredictResult { rows: number; repeats: number; cycles: number; load: number[]; ours: Ours[]; refs: Ref[] }

/** `cycles` × (one Node child, one Python child), each timing `repeats` passes over `rows` rows. */
export function measurePredict(opts: { rows: number; repeats: number; cycles: number }): PredictResult {
  const { rows, repeats, cycles } = opts;
  const dir = path.join(tmpdir(), 'vigil-bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `predict-${rows}.csv`);
  if (!existsSync(file)) writeSyntheticCsv(file, rows, 1, 'y');
  const ours: Ours[] = [], refs: Ref[] = [];
  const load: number[] = [];
  // The child is this file, whoever imported it: tsx's loader comes with process.execArgv.
  const nodeArgs = [...process.execArgv, SELF, '--child', file, String(repeats)];
  for (let c = 0; c < cycles; c++) {
    load.push(loadavg()[0]);
    ours.push(runChild<Ours>(process.execPath, nodeArgs));
    refs.push(runChild<Ref>(PYTHON, [path.join(path.dirname(SELF), 'score_reference.py'), 'inplace', file, 'y', String(repeats)]));
    load.push(loadavg()[0]);
    process.stderr.write(`predict-speed: cycle ${c + 1}/${cycles} done\n`);
  }
  return { rows, repeats, cycles, load, ours, refs };
}

function main(): void {
  const { rows, repeats, cycles, load, ours, refs } = measurePredict({
    rows: Number(arg('rows', '200000')), repeats: Number(arg('repeats', '5')), cycles: Number(arg('cycles', '2')),
  });
  const all = (xs: number[][]) => xs.flat();
  const xgb1 = median(all(refs.map((r) => r.threads1)));
  const line = (name: string, secs: number[]) => {
    const m = median(secs);
    return [name, m.toFixed(3), `${(rows / m / 1e6).toFixed(2)}M`, `${(m / xgb1).toFixed(2)}×`, `${(Math.min(...secs)).toFixed(3)}`];
  };
  console.log(`\n${rows.toLocaleString('en-US')} rows × 15 features, GBDT 100 trees depth 6 (ours ${ours[0].nodes} nodes, `
    + `xgboost ${refs[0].nodes} nodes); ${cycles} cycles × ${repeats} passes, medians; load average `
    + `${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)} on ${availableParallelism()} cores; ${new Date().toISOString()}\n`);
  console.log(table(['predictor', 'median s', 'rows/s', '÷ xgboost 1 thread', 'fastest s'], [
    line('vigil predictBatch (wasm), 1 thread', all(ours.map((o) => o.wasm))),
    line('vigil blocked JS fallback, 1 thread', all(ours.map((o) => o.blocked))),
    line('vigil row-at-a-time walk (before), 1 thread', all(ours.map((o) => o.rowwise))),
    line('xgboost inplace_predict, nthread 1', all(refs.map((r) => r.threads1))),
    line('xgboost inplace_predict, nthread 2', all(refs.map((r) => r.threads2))),
    line('vigil first call (build + warm-up)', ours.map((o) => o.firstCall)),
  ]));
  console.log(`\nbuild of the wasm predictor: ${median(ours.map((o) => o.buildMs)).toFixed(1)} ms (median)`);
}

const at = process.argv.indexOf('--child');
if (at >= 0) child(process.argv[at + 1], Number(process.argv[at + 2]));
else if (isMain(import.meta.url)) main();
