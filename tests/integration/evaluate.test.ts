// "Evaluate on…": two trained versions scored by the worker on one common holdout (a dataset version, or a
// period of labelled traffic), with bootstrap intervals; bad requests answered with 4xx before anything is queued.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as evaluateRoute from '@/app/api/models/evaluate/route';
import { generateEmails } from '@/lib/demo';
import type { EvaluationResult } from '@/lib/schemas/evaluation';
import { TrainRequest } from '@/lib/schemas/training';
import { compareVersions } from '@/lib/server/registry/compare';
import { createDatasetVersion } from '@/lib/server/datasets';
import { db } from '@/lib/server/platform/db';
import { enqueueJob, getJob } from '@/lib/server/platform/jobs';
import { JOB_HANDLERS } from '@/scripts/job-handlers';
import { createTrainingJob } from '@/lib/server/registry/training';
import { createWorker } from '@/lib/server/platform/worker';
import { params, request, resetJobs, tokenFor, unique, waitFor } from './helpers';

const worker = createWorker({ handlers: JOB_HANDLERS, leaseMs: 10_000, pollMs: 50 });
const noCtx = params({});
let token = '';
const versions: string[] = [];
let holdoutId = '';

const emailDataset = async (count: number, seed: number) =>
  (await createDatasetVersion({ name: unique('emails'), kind: 'email', source: 'generated', rows: generateEmails({ count, seed }), columns: ['email', 'label'], labelColumn: 'label' })).id;

async function finished(jobId: string): Promise<unknown> {
  const job = await waitFor(() => getJob(jobId), (j) => j?.status === 'succeeded' || j?.status === 'failed', 120_000);
  if (job?.status !== 'succeeded') throw new Error(`job ${job?.status}: ${job?.error}`);
  return job.result;
}

async function post(body: unknown) {
  const res = await evaluateRoute.POST(request('POST', '/api/models/evaluate', { token, body: body as object }), noCtx);
  return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
  await resetJobs();
  token = await tokenFor('engineer');
  const trainOn = await emailDataset(1200, 3);
  void worker.start();
  const modelName = unique('eval-model');
  for (const rounds of [20, 40]) {
    const job = await createTrainingJob(TrainRequest.parse({ datasetVersionId: trainOn, modelName, algorithm: 'gbdt', params: { rounds } }), null);
    versions.push((await finished(job.id) as { modelVersionId: string }).modelVersionId);
  }
  holdoutId = await emailDataset(3000, 11);
}, 240_000);
afterAll(() => worker.stop());

describe('evaluate versions on a common holdout', () => {
  it('says which rows and split each stored metric comes from, and offers holdouts of the versions\' kind', async () => {
    const c = await compareVersions(versions);
    for (const v of c.versions) {
      // 1,200 emails, a fifth held out by a stratified split (emails carry no time column).
      expect(v.validation).toMatchObject({ split: 'stratified', rows: 240, smallSample: null, dataset: { version: 1 } });
      expect(v.validation.positives).toBeGreaterThan(30);
      expect(v.validation.trainRows).toBe(960);
    }
    expect(c.holdouts).toMatchObject({ kind: 'email', eventType: null, periods: true });
    expect(c.holdouts!.datasetVersions.map((d) => d.id)).toContain(holdoutId);
  });

  it('scores every version on the same dataset rows, with intervals around the point estimates', async () => {
    const res = await post({ versionIds: versions, holdout: { datasetVersionId: holdoutId } });
    expect(res.status).toBe(202);
    expect(res.json.type).toBe('evaluate');
    const result = (await finished(res.json.id)) as EvaluationResult;
    expect(result.likeForLike).toBe(true);
    expect(result.holdout).toMatchObject({ type: 'dataset', rows: 3000, truncated: 0, dataset: { versionId: holdoutId, version: 1 } });
    expect(result.holdout.positives + result.holdout.negatives).toBe(3000);
    expect(result.holdout.description).toMatch(/3,000 labelled rows/);
    expect(result.smallSample).toBeNull();
    expect(result.versions.map((v) => v.id)).toEqual(versions);
    for (const v of result.versions) {
      for (const m of [v.rocAuc, v.averagePrecision, v.recall]) {
        expect(m.lower!).toBeLessThanOrEqual(m.point!);
        expect(m.upper!).toBeGreaterThanOrEqual(m.point!);
        expect(m.upper! - m.lower!).toBeGreaterThan(0);
      }
      expect(v.rocAuc.point!).toBeGreaterThan(0.8);
      expect(v.recallAtFpr.map((r) => r.fpr)).toEqual([0.001, 0.01]);
      expect(v.recallAtFpr[1].recall).not.toBeNull();
      expect(v.recallAtFpr[1].recall!).toBeGreaterThanOrEqual(v.recallAtFpr[0].recall!);
      expect(v.roc.length).toBeGreaterThan(5);
      expect(v.roc.every((p) => p.x > 0)).toBe(true);
    }
    // Different models on the same rows: the numbers differ, the row counts cannot.
    const [a, b] = result.versions;
    expect(a.rocAuc.point).not.toBe(b.rocAuc.point);
    // The second version against the first, paired per resample.
    expect(a.vsFirst).toBeNull();
    expect(b.vsFirst!.rocAuc.point!).toBeCloseTo(b.rocAuc.point! - a.rocAuc.point!, 12);
    expect(b.vsFirst!.rocAuc.lower!).toBeLessThanOrEqual(b.vsFirst!.rocAuc.upper!);
  });

  it('evaluates on the labelled traffic of a period, and warns when it holds fewer than 30 fraud labels', async () => {
    // A window of its own (2001), so other tests' transactions never fall in it.
    const base = Date.UTC(2001, 0, 1);
    const emails = generateEmails({ count: 600, seed: 21 });
    const small = generateEmails({ count: 40, fraudRate: 0.25, seed: 22 });
    const tag = unique('p');
    const rows = [...emails.map((e, i) => ({ e, at: base + i * 60_000 })), ...small.map((e, i) => ({ e, at: Date.UTC(2001, 5, 1) + i * 60_000 }))];
    // Saved email checks are events of the built-in email type, linked to their address.
    const events = rows.map(({ e, at }, i) => ({ id: `${tag}-${i}`, eventType: 'email', typeVersion: 1, externalId: `email:${tag}-${i}`, occurredAt: new Date(at), payload: { email: e.email }, label: e.label ? 'fraud' : 'legit' }));
    await db().event.createMany({ data: events });
    await db().eventEntity.createMany({ data: events.map((ev) => ({ eventId: ev.id, eventType: 'email', entity: 'email', key: (ev.payload.email as string).trim(), occurredAt: ev.occurredAt })) });
    const big = await post({ versionIds: versions, holdout: { kind: 'email', from: new Date(base).toISOString(), to: new Date(Date.UTC(2001, 1, 1)).toISOString() } });
    expect(big.status).toBe(202);
    const result = (await finished(big.json.id)) as EvaluationResult;
    expect(result.holdout).toMatchObject({ type: 'period', kind: 'email', rows: 600, truncated: 0 });
    expect(result.versions).toHaveLength(2);
    expect(result.smallSample).toBeNull();

    const few = await post({ versionIds: versions, holdout: { from: '2001-06-01T00:00:00Z', to: '2001-06-02T00:00:00Z' } });
    expect(few.status).toBe(202);
    const warned = (await finished(few.json.id)) as EvaluationResult;
    expect(warned.holdout.rows).toBe(40);
    expect(warned.holdout.positives).toBeLessThan(30);
    expect(warned.smallSample).toMatch(/fewer than 30/);
  });

  it('fails a job whose version disappeared after queueing with the reason, without retrying', async () => {
    const job = await enqueueJob('evaluate', { request: { versionIds: [versions[0], 'gone-since'], holdout: { datasetVersionId: holdoutId } }, target: { kind: 'email', eventType: null }, actor: null }, { maxAttempts: 2 });
    const failed = await waitFor(() => getJob(job.id), (j) => j?.status === 'failed' || j?.status === 'succeeded', 60_000);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.error).toMatch(/gone-since no longer exists/);
  });

  it('answers bad requests with 4xx and queues nothing', async () => {
    const before = await db().job.count({ where: { type: 'evaluate' } });
    const txDataset = await createDatasetVersion({ name: unique('tx'), kind: 'transaction', source: 'generated', rows: [{ amt: 1, is_fraud: 0 }, { amt: 2, is_fraud: 1 }], columns: ['amt', 'is_fraud'], labelColumn: 'is_fraud' });
    const mismatch = await post({ versionIds: versions, holdout: { datasetVersionId: txDataset.id } });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.error.message).toMatch(/v1 \(email\).*v2 \(email\)/);
    expect((await post({ versionIds: [versions[0], 'no-such-version'], holdout: { datasetVersionId: holdoutId } })).status).toBe(404);
    expect((await post({ versionIds: versions, holdout: { datasetVersionId: 'no-such-dataset' } })).status).toBe(404);
    const five = await post({ versionIds: ['a', 'b', 'c', 'd', 'e'], holdout: { datasetVersionId: holdoutId } });
    expect(five.status).toBe(400);
    expect((await post({ versionIds: [versions[0], versions[0]], holdout: { datasetVersionId: holdoutId } })).status).toBe(400);
    expect((await post({ versionIds: versions, holdout: { from: '2001-02-01', to: '2001-01-01' } })).status).toBe(400);
    const oneClass = await createDatasetVersion({ name: unique('legit'), kind: 'email', source: 'generated', rows: generateEmails({ count: 50, fraudRate: 0, seed: 4 }), columns: ['email', 'label'], labelColumn: 'label' });
    expect(await post({ versionIds: versions, holdout: { datasetVersionId: oneClass.id } })).toMatchObject({ status: 422, json: { error: { code: 'unusable_holdout' } } });
    const empty = await post({ versionIds: versions, holdout: { kind: 'email', from: '1990-01-01', to: '1990-02-01' } });
    expect(empty).toMatchObject({ status: 422, json: { error: { code: 'unusable_holdout' } } });
    const viewer = await evaluateRoute.POST(request('POST', '/api/models/evaluate', { token: await tokenFor('viewer'), body: { versionIds: versions, holdout: { datasetVersionId: holdoutId } } }), noCtx);
    expect(viewer.status).toBe(403);
    expect(await db().job.count({ where: { type: 'evaluate' } })).toBe(before);
  });
});
