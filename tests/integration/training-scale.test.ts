// 200,000 rows through the real import (streamed CSV → dataset version) and the real training job (worker →
// child process → column table → GBDT). One class alone exceeds the 120,000 rows at which the old split
// overflowed the stack, so this fails on that bug class; a 1M-row run with peak memory is in bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@/lib/ml/rng';
import { TrainRequest } from '@/lib/schemas/training';
import { ingestCsv, storeVersion } from '@/lib/server/datasets';
import { db } from '@/lib/server/platform/db';
import { getJob } from '@/lib/server/platform/jobs';
import { JOB_HANDLERS } from '@/scripts/job-handlers';
import { createTrainingJob } from '@/lib/server/registry/training';
import { createWorker } from '@/lib/server/platform/worker';
import { resetJobs, unique } from './helpers';

const ROWS = 200_000;
const FEATURES = 15;
const worker = createWorker({ handlers: JOB_HANDLERS, leaseMs: 10_000, pollMs: 50 });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-scale-'));
const file = path.join(dir, 'big.csv');

/** Seeded 15 numeric columns and is_fraud (~2% positive), written in chunks. */
function writeCsv() {
  const rng = createRng(21);
  const fd = fs.openSync(file, 'w');
  let buf = `${Array.from({ length: FEATURES }, (_, f) => `x${f}`).join(',')},is_fraud\n`;
  for (let i = 0; i < ROWS; i++) {
    const x = Array.from({ length: FEATURES }, () => Math.round(rng.normal() * 1000) / 1000);
    buf += `${x.join(',')},${x[0] + x[1] + rng.normal() > 3.1 ? 1 : 0}\n`;
    if (buf.length > 1 << 20) { fs.writeSync(fd, buf); buf = ''; }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

beforeAll(async () => {
  await resetJobs();
  writeCsv();
  void worker.start();
});
afterAll(async () => {
  await worker.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`${ROWS.toLocaleString('en-US')} rows from import to a trained version`, () => {
  it('imports the CSV as a version and trains it in the worker', async () => {
    const ingested = await ingestCsv(fs.createReadStream(file, { highWaterMark: 1 << 20 }), { labelColumn: 'is_fraud', maxBytes: 1 << 30 });
    expect(ingested.rowCount).toBe(ROWS);
    const { bytes: _b, sourceRows: _s, ...prepared } = ingested;
    const version = await storeVersion({ ...prepared, name: unique('scale'), kind: 'tabular', source: 'upload' });
    expect(version).toMatchObject({ rowCount: ROWS });

    const job = await createTrainingJob(TrainRequest.parse({ datasetVersionId: version.id, algorithm: 'gbdt', params: { rounds: 5, depth: 4 } }), null);
    let j = await getJob(job.id);
    for (const until = Date.now() + 100_000; j?.status !== 'succeeded' && j?.status !== 'failed' && Date.now() < until;) {
      await new Promise((r) => setTimeout(r, 200));
      j = await getJob(job.id);
    }
    expect(j?.error ?? null).toBeNull();
    expect(j?.status).toBe('succeeded');
    const trained = await db().modelVersion.findUniqueOrThrow({ where: { id: (j!.result as { modelVersionId: string }).modelVersionId } });
    expect(trained.datasetVersionId).toBe(version.id);
    const metrics = trained.metrics as { n: number; rocAuc: number };
    expect(metrics.n).toBe(ROWS * 0.2);
    expect(metrics.rocAuc).toBeGreaterThan(0.8);
  }, 150_000);
});
