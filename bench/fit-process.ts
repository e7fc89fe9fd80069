// Whole-process training, CSV load included: `vigil train` against a Python process that reads the same CSV with
// pandas and fits XGBoost-hist (issue 12 item 2a: 100 rounds, depth 6, 1M × 15 rows, target ≤ 3×).
// Usage: npx tsx bench/fit-process.ts [--rows 1000000] [--repeats 3]
// Ours: `node --import tsx scripts/vigil.ts train` (parse, featurise, split 80/20, 100 rounds without early stopping,
// validate, write the model). Reference: `score_reference.py fit` (import pandas + xgboost, read_csv, fit on every
// row with XGBoost's default threads, save). Each repeat runs both in turn, so both see the same load.
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { median, table } from './lib/common';
import { isMain, PYTHON, runTimed } from './lib/process';
import { writeSyntheticCsv } from './lib/synthetic';

export interface FitProcessResult { rows: number; mb: number; load: number[]; ours: { seconds: number[]; rssMb: number[] }; ref: { seconds: number[]; rssMb: number[] } }

/** The bench CSV of `rows` rows (seed 7, like bench/make-big-csv.ts), written once into $TMPDIR/vigil-bench. */
export function benchCsv(rows: number): string {
  const dir = path.join(tmpdir(), 'vigil-bench');
  mkdirSync(dir, { recursive: true });
  const csv = path.join(dir, `fit-${rows}.csv`);
  if (!existsSync(csv)) {
    writeSyntheticCsv(`${csv}.part`, rows, 7, 'is_fraud'); // renamed when complete: an interrupted run leaves no short file
    renameSync(`${csv}.part`, csv);
  }
  return csv;
}

export function measureFitProcess(opts: { rows: number; repeats: number }): FitProcessResult {
  const csv = benchCsv(opts.rows);
  const out = `${csv}.model`;
  const r: FitProcessResult = { rows: opts.rows, mb: statSync(csv).size / 1048576, load: [loadavg()[0]], ours: { seconds: [], rssMb: [] }, ref: { seconds: [], rssMb: [] } };
  for (let k = 0; k < opts.repeats; k++) {
    const o = runTimed(process.execPath, ['--import', 'tsx', 'scripts/vigil.ts', 'train', csv, '--label', 'is_fraud',
      '--params', 'rounds=100,depth=6,earlyStopping=0', '--out', `${out}.vigil.json`]);
    const p = runTimed(PYTHON, ['bench/score_reference.py', 'fit', csv, 'is_fraud', `${out}.xgb.json`]);
    r.ours.seconds.push(o.seconds); r.ours.rssMb.push(o.rssMb);
    r.ref.seconds.push(p.seconds); r.ref.rssMb.push(p.rssMb);
    r.load.push(loadavg()[0]);
    process.stderr.write(`fit-process: repeat ${k + 1}/${opts.repeats}: vigil ${o.seconds.toFixed(1)} s, xgboost ${p.seconds.toFixed(1)} s\n`);
  }
  return r;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

if (isMain(import.meta.url)) {
  const r = measureFitProcess({ rows: Number(arg('rows', '1000000')), repeats: Number(arg('repeats', '3')) });
  const lo = r.load.reduce((a, b) => Math.min(a, b), Infinity), hi = r.load.reduce((a, b) => Math.max(a, b), -Infinity);
  console.log(`\n${r.rows.toLocaleString('en-US')} rows × 15 (${r.mb.toFixed(1)} MB), GBDT 100 rounds depth 6; medians of ${r.ours.seconds.length}; `
    + `load average ${lo.toFixed(1)}–${hi.toFixed(1)} on ${availableParallelism()} cores\n`);
  const ref = median(r.ref.seconds);
  console.log(table(['whole process', 'median s', 'peak RSS MB', '÷ xgboost'], [
    ['node --import tsx scripts/vigil.ts train', median(r.ours.seconds).toFixed(1), median(r.ours.rssMb).toFixed(0), `${(median(r.ours.seconds) / ref).toFixed(2)}×`],
    ['python: pandas read_csv + XGBClassifier(hist).fit', ref.toFixed(1), median(r.ref.rssMb).toFixed(0), '1.00×'],
  ]));
}
