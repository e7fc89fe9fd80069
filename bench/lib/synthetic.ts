// Seeded synthetic card-like table (15 numeric features, ~1% fraud), written to CSV without holding rows:
// one pass finds the 99th-percentile score, a second pass regenerates the same rows and streams them out.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { createRng } from '../../lib/ml/rng';

export const N_FEATURES = 15;
export const FEATURE_NAMES = Array.from({ length: N_FEATURES }, (_, f) => `x${f}`);

/** Calls onRow(features, score) for each row; features is reused between calls. */
function generate(nRows: number, seed: number, onRow: (features: Float64Array, score: number) => void): void {
  const rng = createRng(seed);
  const x = new Float64Array(N_FEATURES);
  for (let i = 0; i < nRows; i++) {
    const amount = Math.exp(3 + 1.2 * rng.normal());
    const hour = rng.int(24);
    const category = rng.int(14);
    const age = 18 + rng.int(70);
    const distance = Math.abs(rng.normal()) * 50;
    const velocity1h = Math.floor(-Math.log(1 - rng.next()) * 1.5);
    const velocity24h = velocity1h + Math.floor(-Math.log(1 - rng.next()) * 5);
    const ratio = amount / Math.exp(3 + 0.5 * rng.normal());
    const secondsSince = rng.next() < 0.08 ? NaN : -Math.log(1 - rng.next()) * 3600 * 6;
    const pop = Math.exp(8 + 2 * rng.normal());
    x[0] = amount; x[1] = hour; x[2] = category; x[3] = age; x[4] = distance; x[5] = velocity1h;
    x[6] = velocity24h; x[7] = ratio; x[8] = secondsSince; x[9] = pop;
    for (let k = 10; k < 15; k++) x[k] = rng.normal();
    const night = hour < 5 || hour > 22 ? 1 : 0;
    const score = 0.9 * Math.log(ratio) + 1.2 * night + (category === 4 || category === 11 ? 0.8 : 0)
      + 0.25 * Math.min(velocity1h, 6) + (secondsSince < 120 ? 1 : 0) + 0.6 * Math.sin(distance / 15)
      + (age > 70 ? 0.7 : 0) * night + 0.3 * x[10] * x[11] + 1.0 * rng.normal();
    onRow(x, score);
  }
}

/** Writes header x0..x14,<label> and nRows rows; returns the number of positives. */
export function writeSyntheticCsv(file: string, nRows: number, seed: number, label = 'y'): number {
  const scores = new Float64Array(nRows);
  let k = 0;
  generate(nRows, seed, (_x, s) => { scores[k++] = s; });
  const cut = scores.sort()[Math.floor(nRows * 0.99)];
  const fd = openSync(file, 'w');
  let buf = `${[...FEATURE_NAMES, label].join(',')}\n`;
  let positives = 0;
  const cell = (v: number) => (Number.isNaN(v) ? '' : String(Math.round(v * 1e6) / 1e6));
  try {
    generate(nRows, seed, (x, s) => {
      let line = cell(x[0]);
      for (let f = 1; f < N_FEATURES; f++) line += `,${cell(x[f])}`;
      const y = s > cut ? 1 : 0;
      positives += y;
      buf += `${line},${y}\n`;
      if (buf.length > 1 << 20) { writeSync(fd, buf); buf = ''; }
    });
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
  return positives;
}

/** Reads a file written by writeSyntheticCsv into typed columns (x0..x14) and labels, 1 MB at a time. */
export function readSyntheticCsv(file: string): { X: import('../../lib/ml/types').FeatureMatrix; y: Uint8Array } {
  let cap = 1 << 16, n = 0;
  let columns = Array.from({ length: N_FEATURES }, () => new Float64Array(cap));
  let y = new Uint8Array(cap);
  const addLine = (line: string) => {
    if (!line) return;
    if (n === cap) {
      cap *= 2;
      columns = columns.map((c) => { const g = new Float64Array(cap); g.set(c); return g; });
      const gy = new Uint8Array(cap); gy.set(y); y = gy;
    }
    const cells = line.split(',');
    for (let f = 0; f < N_FEATURES; f++) columns[f][n] = cells[f] === '' ? NaN : Number(cells[f]);
    y[n++] = cells[N_FEATURES] === '1' ? 1 : 0;
  };
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  let rest = '', header = true;
  try {
    for (let got; (got = readSync(fd, buf, 0, buf.length, null)) > 0;) {
      const lines = (rest + buf.toString('utf8', 0, got)).split('\n');
      rest = lines.pop()!;
      for (const line of lines) { if (header) header = false; else addLine(line); }
    }
    addLine(rest);
  } finally {
    closeSync(fd);
  }
  return {
    X: { nRows: n, columns: columns.map((c) => c.slice(0, n)), names: [...FEATURE_NAMES], categorical: FEATURE_NAMES.map(() => false) },
    y: y.slice(0, n),
  };
}
