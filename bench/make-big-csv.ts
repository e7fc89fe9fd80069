// Writes a seeded synthetic CSV (15 numeric columns + is_fraud, ~1% positive) for the 1M-row CLI runs.
// Usage: npx tsx bench/make-big-csv.ts [--rows 1000000] [--seed 7] [--out /tmp/vigil-big.csv]
import { statSync } from 'node:fs';
import { writeSyntheticCsv } from './lib/synthetic';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const rows = Number(arg('rows', '1000000'));
const out = arg('out', '/tmp/vigil-big.csv');
const started = Date.now();
const positives = writeSyntheticCsv(out, rows, Number(arg('seed', '7')), 'is_fraud');
console.log(`${out}: ${rows.toLocaleString('en-US')} rows, ${positives.toLocaleString('en-US')} positive, `
  + `${(statSync(out).size / 1048576).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
