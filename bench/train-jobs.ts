// Time to train the default model through the product, as the training form does it: POST
// /api/training/jobs, then poll the job until the worker is done. Starts `npm start` on a fresh SQLite
// file, imports the Sparkov sample from ../shared/data by server path, and trains on it and on the demo data.
// Usage: npx tsx bench/train-jobs.ts [--data ../shared/data] [--port 3410]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { data: { type: 'string', default: path.resolve('..', 'shared', 'data') }, port: { type: 'string', default: '3410' } } });
const base = `http://127.0.0.1:${values.port}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-train-bench-'));
const env = { ...process.env, PORT: values.port!, DATABASE_URL: `file:${path.join(dir, 'bench.db')}`, VIGIL_DATA_DIR: dir, LOG_LEVEL: 'warn', NEXTAUTH_URL: base };

async function main() {
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  try {
    for (let i = 0; i < 360; i++) {
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const token = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/vigil.ts', 'token', 'create', '--name', 'bench', '--role', 'admin'], { env, encoding: 'utf8' }).trim().split('\n').at(-1)!;
    const call = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(base + url, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
      const json = await res.json();
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const datasets = (await call('GET', '/api/datasets')).datasets as { name: string; latest: { id: string } }[];
    const demo = datasets.find((d) => d.name === 'demo-transactions')!.latest.id;
    const sparkov = await call('POST', '/api/datasets/import-path', {
      path: path.join(values.data!, 'sparkov_fraudtest', 'fraudTest_union_sample.csv'), name: 'sparkov-sample', kind: 'transaction', labelColumn: 'is_fraud', timestampColumn: 'unix_time', idColumn: 'trans_num',
    });
    const rows: string[] = [];
    for (const [name, id] of [['demo-transactions', demo], ['sparkov sample', sparkov.id]] as const) {
      const started = Date.now();
      const job = await call('POST', '/api/training/jobs', { datasetVersionId: id, algorithm: 'gbdt' });
      let state = job;
      while (!['succeeded', 'failed', 'cancelled'].includes(state.status)) {
        await new Promise((r) => setTimeout(r, 250));
        state = await call('GET', `/api/training/jobs/${job.id}`);
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      rows.push(`| ${name} | ${state.status} | ${seconds} s | ${state.result?.metrics?.rocAuc?.toFixed(4) ?? '–'} | ${state.result?.metrics?.averagePrecision?.toFixed(4) ?? '–'} |`);
    }
    console.log('\n| dataset | status | form → model (s) | ROC-AUC | PR-AUC |\n|---|---|---|---|---|\n' + rows.join('\n'));
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
