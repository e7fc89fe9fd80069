// The server's dataset → training path at 1M rows: stream a CSV into a dataset version (the import service),
// then train from that version in the same child process the worker forks (scripts/train-child.ts), under
// /usr/bin/time so its peak RSS is measured. Fresh SQLite file; nothing is kept.
// Usage: npx tsx bench/server-1m.ts [--csv /tmp/vigil-big.csv] [--rows 1000000] [--rounds 20] [--depth 6]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticCsv } from './lib/synthetic';

const { values } = parseArgs({
  options: {
    csv: { type: 'string', default: '/tmp/vigil-big.csv' }, rows: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '20' }, depth: { type: 'string', default: '6' },
  },
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-server-1m-'));
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

/** Runs the worker's training child on one request; resolves with its wall time and peak RSS. */
function trainInChild(request: unknown): Promise<{ seconds: number; maxRssKb: number; rows: number; rocAuc: number | null }> {
  const started = Date.now();
  const child = spawn('/usr/bin/time', ['-f', 'maxrss_kb=%M', process.execPath, '--import', 'tsx', 'scripts/train-child.ts'], {
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'], env: process.env,
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
  return new Promise((resolve, reject) => {
    let result: { rows: number; rocAuc: number | null } | null = null;
    child.on('message', (msg: { type: string; message?: string; model?: { training: { rows: number }; metrics: { rocAuc: number | null } } }) => {
      if (msg.type === 'stage') console.log(`  child: ${msg.message}`);
      if (msg.type === 'error') reject(new Error(msg.message));
      if (msg.type === 'result' && msg.model) {
        result = { rows: msg.model.training.rows, rocAuc: msg.model.metrics.rocAuc };
        child.disconnect(); // the child exits when its parent's channel closes
      }
    });
    child.on('exit', () => {
      const rss = /maxrss_kb=(\d+)/.exec(stderr);
      if (!result || !rss) reject(new Error(`training child ended without a result: ${stderr.slice(-500)}`));
      else resolve({ ...result, seconds: (Date.now() - started) / 1000, maxRssKb: Number(rss[1]) });
    });
    child.send({ request, actor: null });
  });
}

async function main() {
  const csv = values.csv!;
  if (!fs.existsSync(csv)) {
    console.log(`writing ${csv} (${Number(values.rows).toLocaleString('en-US')} rows)`);
    writeSyntheticCsv(csv, Number(values.rows), 7, 'is_fraud');
  }
  process.env.DATABASE_URL = `file:${path.join(dir, 'bench.db')}`;
  process.env.VIGIL_DATA_DIR = dir;
  process.env.LOG_LEVEL = 'warn';
  const { migrate } = await import('@/lib/server/platform/migrations');
  await migrate(process.env.DATABASE_URL);
  const { ingestCsv, storeVersion } = await import('@/lib/server/datasets');
  const { TrainRequest } = await import('@/lib/schemas/training');

  let started = Date.now();
  const { bytes: _b, sourceRows: _s, ...prepared } = await ingestCsv(fs.createReadStream(csv, { highWaterMark: 1 << 20 }), { labelColumn: 'is_fraud', maxBytes: 4 * 1024 ** 3 });
  const version = await storeVersion({ ...prepared, name: 'big', kind: 'tabular', source: 'upload' });
  const importSeconds = (Date.now() - started) / 1000;
  console.log(`import: ${version.rowCount.toLocaleString('en-US')} rows in ${importSeconds.toFixed(1)} s, `
    + `gzip ${(prepared.content.length / 1048576).toFixed(1)} MB, peak RSS of this process ${mb(process.resourceUsage().maxRSS)}`);

  started = Date.now();
  const request = TrainRequest.parse({ datasetVersionId: version.id, algorithm: 'gbdt', params: { rounds: Number(values.rounds), depth: Number(values.depth) } });
  const trained = await trainInChild({ ...request, kind: 'tabular' });
  console.log(`train from the version (child process): ${trained.rows.toLocaleString('en-US')} rows in ${trained.seconds.toFixed(1)} s, `
    + `peak RSS ${mb(trained.maxRssKb)}, validation ROC-AUC ${trained.rocAuc?.toFixed(4)}`);
  // For bench/report.ts, which runs this file as a child.
  console.log(`RESULT ${JSON.stringify({ rows: version.rowCount, importSeconds, importRssMb: process.resourceUsage().maxRSS / 1024,
    trainSeconds: trained.seconds, trainRssMb: trained.maxRssKb / 1024, rocAuc: trained.rocAuc })}`);
}

main().then(
  () => { fs.rmSync(dir, { recursive: true, force: true }); process.exit(0); },
  (err) => { console.error(err); fs.rmSync(dir, { recursive: true, force: true }); process.exit(1); },
);
