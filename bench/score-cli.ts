// Whole-process CSV scoring: `./vigil score` against a Python process that reads the same CSV with pandas and
// predicts with XGBoost (startup, imports, parsing, featurising, predicting and writing all included).
// Usage: npx tsx bench/score-cli.ts [--rows 200000] [--repeats 5] [--before DIR]
// --before DIR adds the same `vigil score` from another checkout (e.g. `git archive <commit> | tar -x -C DIR` with
// node_modules linked), so before/after figures come from one run.
// Both models: GBDT 100 rounds, depth 6 (no early stopping), trained once on the file (not timed). Each repeat runs
// every command once, in turn, so all see the same load; medians and ratios over the repeats.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { median, table } from './lib/common';
import { isMain, PYTHON, runTimed as run } from './lib/process';
import { writeSyntheticCsv } from './lib/synthetic';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

export interface ScoreCliResult {
  rows: number; repeats: number; load: number[];
  commands: { name: string; seconds: number[]; rssMb: number[] }[];
  /** Index in `commands` of the reference (python read + predict) and of `./vigil score` (the README's command). */
  refIndex: number; userIndex: number;
}

export function measureScoreCli(opts: { rows: number; repeats: number; before?: string }): ScoreCliResult {
  const { rows, repeats, before } = opts;
  const dir = path.join(tmpdir(), 'vigil-bench');
  mkdirSync(dir, { recursive: true });
  const csv = path.join(dir, `score-${rows}.csv`);
  if (!existsSync(csv)) writeSyntheticCsv(csv, rows, 7, 'is_fraud');
  const ours = path.join(dir, `score-${rows}-vigil.json`);
  const xgb = path.join(dir, `score-${rows}-xgb.json`);
  const out = path.join(dir, `score-${rows}-out.csv`);
  const pyOut = path.join(dir, `score-${rows}-py-out.csv`);
  process.stderr.write(`training both models on ${csv} (${(statSync(csv).size / 1048576).toFixed(1)} MB, not timed)…\n`);
  run('npm', ['run', '-s', 'vigil', '--', 'train', csv, '--label', 'is_fraud', '--params', 'rounds=100,depth=6,earlyStopping=0', '--out', ours]);
  run(PYTHON, ['bench/score_reference.py', 'fit', csv, 'is_fraud', xgb]);

  // ./vigil (the bundle build-cli.mjs makes) is what the README documents; npm run adds npm's own start-up, and the
  // tsx row shows what the bundle saves. The launcher rebuilds a stale bundle, so build it first, untimed.
  run(process.execPath, ['scripts/build-cli.mjs', '--quiet']);
  const commands: { name: string; cmd: string; args: string[] }[] = [
    { name: './vigil score (as documented)', cmd: './vigil', args: ['score', ours, csv, '--out', out] },
    { name: 'npm run vigil -- score (for information)', cmd: 'npm', args: ['run', '-s', 'vigil', '--', 'score', ours, csv, '--out', out] },
    { name: 'node --import tsx scripts/vigil.ts score', cmd: process.execPath, args: ['--import', 'tsx', 'scripts/vigil.ts', 'score', ours, csv, '--out', out] },
    ...(before ? [{ name: `before: node --import tsx ${before}/scripts/vigil.ts score`, cmd: process.execPath,
      args: ['--import', 'tsx', path.join(before, 'scripts/vigil.ts'), 'score', ours, csv, '--out', `${out}.before`] }] : []),
    { name: 'python: pandas read_csv + xgboost predict', cmd: PYTHON, args: ['bench/score_reference.py', 'score', xgb, csv, 'is_fraud'] },
    { name: 'python: same + to_csv of the scored rows', cmd: PYTHON, args: ['bench/score_reference.py', 'score', xgb, csv, 'is_fraud', pyOut] },
  ];
  const results = commands.map((c) => ({ name: c.name, seconds: [] as number[], rssMb: [] as number[] }));
  const load: number[] = [loadavg()[0]];
  for (let r = 0; r < repeats; r++) {
    commands.forEach((c, j) => {
      const m = run(c.cmd, c.args);
      results[j].seconds.push(m.seconds);
      results[j].rssMb.push(m.rssMb);
    });
    load.push(loadavg()[0]);
    process.stderr.write(`score-cli: repeat ${r + 1}/${repeats} done\n`);
  }
  const lines = readFileSync(out, 'utf8').split('\n').length - 2;
  if (lines !== rows) throw new Error(`vigil wrote ${lines} rows, expected ${rows}`);
  return { rows, repeats, load, commands: results, refIndex: commands.findIndex((c) => c.name.startsWith('python')), userIndex: 0 };
}

function main(): void {
  const r = measureScoreCli({ rows: Number(arg('rows', '200000')), repeats: Number(arg('repeats', '5')), before: arg('before', '') || undefined });
  const ref = median(r.commands[r.refIndex].seconds);
  const lo = r.load.reduce((a, b) => Math.min(a, b), Infinity), hi = r.load.reduce((a, b) => Math.max(a, b), -Infinity);
  console.log(`\n${r.rows.toLocaleString('en-US')}-row CSV (15 numeric columns + label), 100 trees depth 6 on both sides; `
    + `${r.repeats} repeats, medians; load average ${lo.toFixed(1)}–${hi.toFixed(1)} `
    + `on ${availableParallelism()} cores; ${new Date().toISOString()}\n`);
  console.log(table(['whole process', 'median s', 'range s', '÷ python read+predict', 'peak RSS MB'], r.commands.map((c) => {
    const s = c.seconds;
    return [c.name, median(s).toFixed(2), `${Math.min(...s).toFixed(2)}–${Math.max(...s).toFixed(2)}`,
      `${(median(s) / ref).toFixed(2)}×`, median(c.rssMb).toFixed(0)];
  })));
}

if (isMain(import.meta.url)) main();
