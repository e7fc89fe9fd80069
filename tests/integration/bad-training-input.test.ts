// Issue 12 "Bad input": a single-class label, fewer than 20 fraud rows, constant / empty / Infinity columns and
// oversized files each get a clear 4xx or a failed job with the reason; the worker goes on to the next job.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as importRoute from '@/app/api/datasets/import/route';
import * as importPathRoute from '@/app/api/datasets/import-path/route';
import * as trainJobs from '@/app/api/training/jobs/route';
import { db } from '@/lib/server/platform/db';
import { JOB_HANDLERS } from '@/scripts/job-handlers';
import { getJob } from '@/lib/server/platform/jobs';
import { createWorker } from '@/lib/server/platform/worker';
import { params, request, tokenFor, unique, waitFor } from './helpers';

const noCtx = params({});
let engineer: string;
let dir: string;
const worker = createWorker({ handlers: JOB_HANDLERS, leaseMs: 10_000, pollMs: 50 });

beforeAll(async () => {
  engineer = await tokenFor('engineer');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bad-input-'));
  process.env.VIGIL_IMPORT_DIR = dir;
  void worker.start();
});
afterAll(async () => {
  await worker.stop();
  delete process.env.VIGIL_IMPORT_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
});

const body = async (r: Response) => ({ status: r.status, json: await r.json() });
const upload = async (csv: string | ReadableStream<Uint8Array>, name = unique('bad')) => body(await importRoute.POST(new Request(
  `http://localhost/api/datasets/import?name=${name}&kind=tabular&label=label`,
  { method: 'POST', body: csv, headers: { authorization: `Bearer ${engineer}`, 'content-type': 'text/csv' }, ...(typeof csv === 'string' ? {} : { duplex: 'half' }) } as RequestInit,
), noCtx));
const train = async (datasetVersionId: string) => {
  const res = await body(await trainJobs.POST(request('POST', '/api/training/jobs', { token: engineer, body: { datasetVersionId, algorithm: 'gbdt', params: { rounds: 10, depth: 3 } } }), noCtx));
  expect(res.status).toBe(202);
  return waitFor(() => getJob(res.json.id), (j) => j?.status === 'succeeded' || j?.status === 'failed', 90_000);
};
/** n rows: `amount` carries the signal, `extra(i)` adds columns; the first `positives` rows are fraud. */
const csvOf = (n: number, positives: number, extra: (i: number) => Record<string, string> = () => ({})) => {
  const rows = Array.from({ length: n }, (_, i) => ({ amount: String(i < positives ? 500 + (i % 50) : (i * 37) % 300), ...extra(i), label: i < positives ? '1' : '0' }));
  return [Object.keys(rows[0]).join(','), ...rows.map((r) => Object.values(r).join(','))].join('\n') + '\n';
};

describe('bad training input', () => {
  it('a single-class label column is refused at import with a 422 that says so, and nothing is stored', async () => {
    const name = unique('one-class');
    const res = await upload(csvOf(300, 0), name);
    expect(res).toMatchObject({ status: 422, json: { error: { code: 'unusable_labels' } } });
    expect(res.json.error.message).toMatch(/single class: every labelled row is legit \(0\)\. Training needs both classes/);
    expect(await db().dataset.count({ where: { name } })).toBe(0);
  });

  it('7 fraud rows: the job fails once with the count, and the worker goes on to train the next dataset', async () => {
    const few = await upload(csvOf(400, 7));
    expect(few.status).toBe(201);
    const failed = await train(few.json.id);
    expect(failed).toMatchObject({ status: 'failed', error: 'needs at least 20 fraud rows to train; found 7', attempts: 1 });

    // Constant, empty and Infinity-text columns are listed in the training log; the model trains on the rest.
    const hostile = await upload(csvOf(2000, 200, (i) => ({ country: 'FR', blank: '', inf: 'Infinity', ratio: i % 2 ? 'Infinity' : '-Infinity' })));
    expect(hostile.status).toBe(201);
    const done = await train(hostile.json.id);
    expect(done?.status).toBe('succeeded');
    const version = await db().modelVersion.findUniqueOrThrow({ where: { id: (done!.result as { modelVersionId: string }).modelVersionId } });
    const log = (version.trainingLog as string[]).join('\n');
    expect(log).toMatch(/ignored constant column 'country'/);
    expect(log).toMatch(/ignored column 'blank': empty in every row/);
    expect(log).toMatch(/ignored constant column 'inf'/);
    expect((version.metrics as { rocAuc: number }).rocAuc).toBeGreaterThan(0.9);
  });

  it('no usable feature: the job fails with the reason instead of training a constant model', async () => {
    const flat = await upload(csvOf(500, 100, () => ({ country: 'FR' })).replace(/^(\d+),/gm, '5,'));
    expect(flat.status).toBe(201);
    const failed = await train(flat.json.id);
    expect(failed?.status).toBe('failed');
    expect(failed?.error).toMatch(/^no usable feature: .*ignored constant column 'amount'; ignored constant column 'country'/);
  });
});

describe('oversized files', () => {
  it('a 2 GB server file is refused with 413 from its size, before a byte is read', async () => {
    const file = path.join(dir, 'huge.csv');
    await fs.promises.writeFile(file, 'amount,label\n');
    await fs.promises.truncate(file, 2 * 1024 ** 3); // sparse: instant, no disk used
    const started = Date.now();
    const res = await body(await importPathRoute.POST(request('POST', '/api/datasets/import-path', { token: engineer, body: { path: 'huge.csv', name: unique('huge'), kind: 'tabular', labelColumn: 'label' } }), noCtx));
    expect(res).toMatchObject({ status: 413, json: { error: { code: 'payload_too_large' } } });
    expect(res.json.error.message).toMatch(/VIGIL_MAX_IMPORT_PATH_BYTES/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('an upload streamed past VIGIL_MAX_UPLOAD_BYTES gets a 413 and the body stops being read', async () => {
    process.env.VIGIL_MAX_UPLOAD_BYTES = String(1024 * 1024);
    try {
      const line = new TextEncoder().encode(`${'1'.repeat(60)},0\n`.repeat(1000)); // ~63 KB per chunk, never ends
      let pulled = 0;
      let cancelled = false;
      const endless = new ReadableStream<Uint8Array>({
        start(controller) { controller.enqueue(new TextEncoder().encode('amount,label\n')); },
        pull(controller) { pulled += line.byteLength; controller.enqueue(line); },
        cancel() { cancelled = true; },
      }, { highWaterMark: 1 });
      const res = await upload(endless);
      expect(res).toMatchObject({ status: 413, json: { error: { code: 'payload_too_large' } } });
      expect(res.json.error.message).toMatch(/1,048,576 bytes \(VIGIL_MAX_UPLOAD_BYTES\)/);
      expect(pulled).toBeLessThan(4 * 1024 * 1024);
      await waitFor(() => cancelled, (c) => c, 5_000);
    } finally {
      delete process.env.VIGIL_MAX_UPLOAD_BYTES;
    }
  });
});
