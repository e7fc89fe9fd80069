// Training-speed benchmark: our GBDT and forest against XGBoost-hist and sklearn on the same CSV.
// Usage: npx tsx bench/train-speed.ts [--rows 50000,200000] [--repeats 3] [--skip-python]
// Each measurement runs in a child process so peak RSS belongs to that one trainer.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { predictBatch } from '../lib/ml/ensemble';
import { trainForest } from '../lib/ml/forest';
import { trainGbdt } from '../lib/ml/gbdt';
import { rocAuc } from '../lib/ml/metrics';
import { readSyntheticCsv, writeSyntheticCsv } from './lib/synthetic';

const TEST_ROWS = 50_000;
const GBDT = { rounds: 100, depth: 6, learningRate: 0.1, l2: 1, minChildWeight: 1, earlyStopping: 0, seed: 42 };
const FOREST = { trees: 50, depth: 12, minLeaf: 5, maxFeatures: 'sqrt' as const, bootstrap: true, seed: 42, threads: 2 };
const SELF = fileURLToPath(import.meta.url);
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** 15 features like a card-transaction table (bench/lib/synthetic.ts), streamed to disk; ~1% fraud. */
function writeDataset(file: string, nRows: number, seed: number): void {
  writeSyntheticCsv(file, nRows, seed, 'y');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fastest = (xs: number[]) => xs.reduce((a, b) => Math.min(a, b), Infinity);

interface Result { seconds: number[]; cpuSeconds: number[]; auc: number; maxRssMb: number; scoreSeconds?: number[] }

/** Child mode: train one algorithm `repeats` times and print a JSON result line. */
async function child(algo: string, trainFile: string, testFile: string, repeats: number): Promise<void> {
  const train = readSyntheticCsv(trainFile);
  const test = readSyntheticCsv(testFile);
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let auc = 0;
  let scoreSeconds: number[] | undefined;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const model = algo === 'gbdt'
      ? trainGbdt(train.X, train.y, GBDT)
      : await trainForest(train.X, train.y, FOREST, { requireWorkers: true });
    seconds.push((performance.now() - t0) / 1000);
    const cpu = process.cpuUsage(cpu0); // whole process, worker threads included
    cpuSeconds.push((cpu.user + cpu.system) / 1e6);
    auc = rocAuc(test.y, predictBatch(model, test.X));
    if (algo === 'gbdt' && r === repeats - 1) {
      const out = new Float64Array(train.X.nRows);
      scoreSeconds = [];
      for (let k = 0; k < repeats; k++) {
        const s0 = performance.now();
        predictBatch(model, train.X, out);
        scoreSeconds.push((performance.now() - s0) / 1000);
      }
    }
  }
  const result: Result = { seconds, cpuSeconds, auc, maxRssMb: process.resourceUsage().maxRSS / 1024, scoreSeconds };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

function runChild(cmd: string, args: string[]): Record<string, Result> | Result {
  // Passive OpenMP waits: on a shared machine spinning threads distort XGBoost's wall and CPU time.
  const env = { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' };
  const out = execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'], env });
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no RESULT from ${cmd} ${args.join(' ')}:\n${out}`);
  return JSON.parse(line.slice(7));
}

function fmt(x: number | undefined, digits = 2): string {
  return x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits);
}

async function main(): Promise<void> {
  const rowsList = arg('rows', '50000,200000').split(',').map(Number);
  const repeats = Number(arg('repeats', '3'));
  const skipPython = process.argv.includes('--skip-python');
  const dir = path.join(tmpdir(), 'vigil-bench');
  mkdirSync(dir, { recursive: true });
  const testFile = path.join(dir, 'test.csv');
  writeDataset(testFile, TEST_ROWS, 999);
  const table: string[] = [];
  for (const rows of rowsList) {
    const trainFile = path.join(dir, `train-${rows}.csv`);
    writeDataset(trainFile, rows, 1);
    const nodeArgs = [...process.execArgv, SELF, '--child'];
    const ours = {
      gbdt: runChild(process.execPath, [...nodeArgs, 'gbdt', trainFile, testFile, String(repeats)]) as Result,
      forest: runChild(process.execPath, [...nodeArgs, 'forest', trainFile, testFile, String(repeats)]) as Result,
    };
    const ref = skipPython ? null : runChild(PYTHON, [path.join(path.dirname(SELF), 'reference.py'),
      trainFile, testFile, String(repeats)]) as Record<string, Result>;
    const row = (name: string, o: Result, r: Result | undefined) => {
      const t = median(o.seconds), rt = r ? median(r.seconds) : NaN;
      const best = fastest(o.seconds), rBest = r ? fastest(r.seconds) : NaN;
      const cpu = median(o.cpuSeconds), rCpu = r ? median(r.cpuSeconds) : NaN;
      table.push(`| ${rows} | ${name} | ${fmt(t)} | ${fmt(rt)} | ${fmt(t / rt)}× | ${fmt(best / rBest)}× `
        + `| ${fmt(cpu)} | ${fmt(rCpu)} | ${fmt(cpu / rCpu)}× | ${fmt(o.auc, 4)} | ${fmt(r?.auc, 4)} | `
        + `${fmt(o.auc - (r?.auc ?? NaN), 4)} | ${fmt(o.maxRssMb, 0)} | ${fmt(r?.maxRssMb, 0)} |`);
    };
    row('GBDT 100×d6 vs xgboost hist', ours.gbdt, ref?.xgboost);
    row('Forest 50×d12 vs sklearn RF', ours.forest, ref?.sklearn_rf);
    if (rows === rowsList.reduce((a, b) => Math.max(a, b), -Infinity) && ours.gbdt.scoreSeconds) {
      const s = median(ours.gbdt.scoreSeconds), rs = ref?.xgboost.scoreSeconds ? median(ref.xgboost.scoreSeconds) : NaN;
      table.push(`| ${rows} | scoring ${rows} rows, 100 trees (rows/s: ours ${fmt(rows / s / 1e6, 2)}M, xgb ${fmt(rows / rs / 1e6, 2)}M) `
        + `| ${fmt(s, 3)} | ${fmt(rs, 3)} | ${fmt(s / rs)}× | | | | | | | | | |`);
    }
  }
  console.log(`\nmedian of ${repeats} runs (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores at the end), 2 threads on both sides (our GBDT: main thread + one histogram helper thread)\n`);
  console.log('| rows | task | wall ours s | wall ref s | wall ratio | fastest-run ratio | CPU ours s | CPU ref s | CPU ratio '
    + '| AUC ours | AUC ref | ΔAUC | RSS ours MB | RSS ref MB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const line of table) console.log(line);
}

const childAt = process.argv.indexOf('--child');
const run = childAt >= 0
  ? child(process.argv[childAt + 1], process.argv[childAt + 2], process.argv[childAt + 3], Number(process.argv[childAt + 4]))
  : main();
run.catch((err: unknown) => { console.error(err); process.exit(1); });
