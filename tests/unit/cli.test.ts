import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRng } from '@/lib/ml/rng';
import { loadModel } from '@/lib/ml/model';
import { run as evalRun } from '@/scripts/cli/eval';
import { run as scoreRun } from '@/scripts/cli/score';
import { run as trainRun } from '@/scripts/cli/train';

const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
const path = (f: string) => join(dir, f);

function emailCsv(n: number): string {
  const rng = createRng(9);
  const rand = (k: number) => Array.from({ length: k }, () => rng.pick([...'abcdefghijklmnopqrstuvwxyz0123456789'])).join('');
  const lines = ['email,label'];
  for (let i = 0; i < n; i++) {
    const fraud = rng.next() < 0.3;
    lines.push(fraud
      ? `${rand(6 + rng.int(4))}.${rand(5)}@${rng.pick(['elppa.zz', 'gmail.moc', 'gmail.com'])},1`
      : `${rng.pick(['anna', 'bob', 'carla', 'dan', 'eve'])}.${rng.pick(['smith', 'jones', 'brown', 'lee'])}@${rng.pick(['gmail.com', 'yahoo.fr'])},0`);
  }
  return `${lines.join('\n')}\n`;
}

function txCsv(): string {
  const rng = createRng(4);
  const lines = ['trans_date_trans_time,cc_num,category,amt,gender,dob,lat,long,merch_lat,merch_long,city_pop,is_fraud'];
  const start = Date.UTC(2020, 0, 1);
  for (let i = 0; i < 600; i++) {
    const t = new Date(start + i * 1800_000).toISOString().replace('T', ' ').slice(0, 19);
    const fraud = rng.next() < 0.08;
    lines.push(`${t},${1000 + rng.int(15)},${fraud ? 'shopping_net' : rng.pick(['grocery_pos', 'gas_transport'])},${(fraud ? 500 + rng.next() * 500 : 5 + rng.next() * 60).toFixed(2)},F,1980-01-01,40,-74,40.5,-74.2,5000,${fraud ? 1 : 0}`);
  }
  return `${lines.join('\n')}\n`;
}

let out: string[] = [], err: string[] = [];
function capture() {
  out = []; err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err.push(String(s)); return true; });
}
afterEach(() => vi.restoreAllMocks());

beforeAll(() => {
  writeFileSync(path('emails.csv'), emailCsv(1200));
  writeFileSync(path('tx.csv'), txCsv());
  writeFileSync(path('bad.csv'), 'a,b\n1,2,3\n');
  writeFileSync(path('big.csv'), `x,y\n${Array.from({ length: 12_600 }, (_, i) => `${i % 97},${i % 10 ? 0 : 1}`).join('\n')}\n`);
});

const lastLine = () => out.join('').trim().split('\n').at(-1) ?? '';

describe('vigil train / score / eval', () => {
  it('trains, prints metrics JSON on the last stdout line and writes the model', async () => {
    capture();
    const code = await trainRun([path('emails.csv'), '--label', 'label', '--params', 'rounds=40', '--out', path('email.json')]);
    expect(code).toBe(0);
    const metrics = JSON.parse(lastLine());
    expect(metrics.rocAuc).toBeGreaterThan(0.95);
    expect(JSON.parse(readFileSync(path('email.json'), 'utf8')).kind).toBe('email');
  });

  it('scores in batches, appending fraud_probability and decision', async () => {
    capture();
    expect(await scoreRun([path('email.json'), path('emails.csv'), '--out', path('scored.csv'), '--batch', '97'])).toBe(0);
    const lines = readFileSync(path('scored.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('email,label,fraud_probability,decision');
    expect(lines).toHaveLength(1201);
    const model = loadModel(readFileSync(path('email.json'), 'utf8'));
    const first = lines[1].split(',');
    const p = model.scoreRows([{ email: first[0] }])[0];
    expect(Number(first[2])).toBeCloseTo(p, 5);
    expect(['allow', 'review', 'block']).toContain(first[3]);
  });

  it('keeps per-card velocity across batches for transaction models', async () => {
    capture();
    expect(await trainRun([path('tx.csv'), '--label', 'is_fraud', '--algorithm', 'forest', '--params', 'trees=30', '--out', path('tx.json')])).toBe(0);
    expect(await scoreRun([path('tx.json'), path('tx.csv'), '--out', path('tx1.csv'), '--batch', '50'])).toBe(0);
    expect(await scoreRun([path('tx.json'), path('tx.csv'), '--out', path('tx2.csv')])).toBe(0);
    expect(readFileSync(path('tx1.csv'), 'utf8')).toBe(readFileSync(path('tx2.csv'), 'utf8'));
  });

  it('evaluates a labelled file', async () => {
    capture();
    expect(await evalRun([path('email.json'), path('emails.csv'), '--label', 'label'])).toBe(0);
    const m = JSON.parse(lastLine());
    expect(m.n).toBe(1200);
    expect(m.roc.length).toBeLessThanOrEqual(200);
  });
});

describe('CLI errors: one line on stderr, exit code 2', () => {
  const cases: [string, () => Promise<number>, RegExp][] = [
    ['unknown option', () => trainRun([path('emails.csv'), '--label', 'label', '--bogus', '--out', path('x.json')]), /unknown option '--bogus'/i],
    ['missing file', () => trainRun([path('nope.csv'), '--label', 'label', '--out', path('x.json')]), /not found/],
    ['missing label column', () => trainRun([path('emails.csv'), '--label', 'is_fraud', '--out', path('x.json')]), /label column 'is_fraud' not found/],
    ['unknown parameter', () => trainRun([path('emails.csv'), '--label', 'label', '--params', 'trees=5', '--out', path('x.json')]), /allowed: rounds/],
    ['malformed CSV', () => trainRun([path('bad.csv'), '--label', 'b', '--out', path('x.json')]), /cannot read CSV .*line 2/],
    ['missing model columns', () => scoreRun([path('tx.json'), path('emails.csv'), '--out', path('x.csv')]), /lacks column\(s\) the model needs: cc_num/],
    ['not a model', () => scoreRun([path('emails.csv'), path('emails.csv'), '--out', path('x.csv')]), /not valid JSON/],
    ['missing --out', () => scoreRun([path('email.json'), path('emails.csv')]), /--out is required/],
    ['row limit', () => trainRun([path('big.csv'), '--label', 'y', '--algorithm', 'ml-random-forest', '--out', path('x.json')]), /limited to 10,000 training rows.*'forest' or 'gbdt'/],
  ];
  it.each(cases)('%s', async (_name, fn, re) => {
    capture();
    const code = await fn();
    expect(code).toBe(2);
    const text = err.join('');
    expect(text.trim().split('\n').at(-1)).toMatch(re);
    expect(text).not.toMatch(/\n\s+at /);
    expect(out.join('')).toBe('');
  });
});
