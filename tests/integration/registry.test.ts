import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEmails } from '@/lib/demo';
import { TrainRequest } from '@/lib/schemas/training';
import { compareVersions } from '@/lib/server/registry/compare';
import { createDatasetVersion } from '@/lib/server/datasets';
import { db } from '@/lib/server/platform/db';
import { ApiError } from '@/lib/server/platform/http';
import { getJob } from '@/lib/server/platform/jobs';
import { JOB_HANDLERS } from '@/scripts/job-handlers';
import { listModels, loadVersion, rollback, servingSlot, setStage } from '@/lib/server/registry/models';
import { createTrainingJob } from '@/lib/server/registry/training';
import { createWorker } from '@/lib/server/platform/worker';
import { resetJobs, unique } from './helpers';

const worker = createWorker({ handlers: JOB_HANDLERS, leaseMs: 5_000, pollMs: 50 });
let datasetVersionId = '';
const modelName = unique('email-model');

async function trainAndWait(params: Record<string, number>) {
  const job = await createTrainingJob(TrainRequest.parse({ datasetVersionId, modelName, algorithm: 'gbdt', params }), null);
  const until = Date.now() + 90_000;
  for (;;) {
    const j = await getJob(job.id);
    if (j?.status === 'succeeded') {
      const result = j.result as { modelVersionId: string; durationMs: number };
      // One duration per run: the version shows the job's wall time.
      expect((await db().modelVersion.findUniqueOrThrow({ where: { id: result.modelVersionId } })).trainingMs).toBe(result.durationMs);
      return result;
    }
    if (j?.status === 'failed' || Date.now() > until) throw new Error(`training ended ${j?.status}: ${j?.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  await resetJobs();
  await db().modelVersion.updateMany({ where: { stage: { in: ['production', 'shadow'] }, kind: 'email' }, data: { stage: 'archived' } });
  const rows = generateEmails({ count: 1200, seed: 3 });
  datasetVersionId = (await createDatasetVersion({ name: unique('emails'), kind: 'email', source: 'generated', rows, columns: ['email', 'label'], labelColumn: 'label' })).id;
  void worker.start();
});
afterAll(() => worker.stop());

describe('training and the registry', () => {
  let first = '';
  let second = '';

  it('trains in the worker and registers a candidate with metrics, thresholds and a baseline', async () => {
    first = (await trainAndWait({ rounds: 30 })).modelVersionId;
    const v = await db().modelVersion.findUniqueOrThrow({ where: { id: first } });
    expect(v).toMatchObject({ stage: 'candidate', kind: 'email', algorithm: 'gbdt', version: 1, datasetVersionId });
    expect((v.metrics as { rocAuc: number }).rocAuc).toBeGreaterThan(0.9);
    expect(v.reviewThreshold).toBeLessThanOrEqual(v.blockThreshold);
    expect(v.baseline).toBeTruthy();
    const scorer = await loadVersion(first);
    const [fraud, legit] = scorer.scoreRows([{ email: 'xk7qz9vw3@liamg.moc' }, { email: 'jane.doe@gmail.com' }]);
    expect(fraud).toBeGreaterThan(legit);
  });

  it('promotes with a note, rolls back, and audits each change', async () => {
    second = (await trainAndWait({ rounds: 40, depth: 4 })).modelVersionId;
    await setStage(first, 'production', 'first release', null);
    await setStage(second, 'production', 'better PR-AUC', null);
    expect((await db().modelVersion.findUniqueOrThrow({ where: { id: first } })).stage).toBe('archived');
    await rollback(servingSlot('email', ''), null, null);
    const stages = await db().modelVersion.findMany({ where: { id: { in: [first, second] } }, select: { id: true, stage: true } });
    expect(Object.fromEntries(stages.map((s) => [s.id, s.stage]))).toEqual({ [first]: 'production', [second]: 'archived' });
    const actions = (await db().auditEvent.findMany({ where: { targetId: first }, orderBy: { at: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['model.register', 'model.promote', 'model.archive', 'model.promote']);
    const listed = (await listModels()).find((m) => m.name === modelName)!;
    expect(listed.production?.id).toBe(first);
  });

  it('marks a winner per metric only when the versions share their evaluation set', async () => {
    const same = await compareVersions([first, second]);
    expect(same.sameEvaluationSet).toBe(true);
    expect(same.metrics.some((m) => m.best.some(Boolean))).toBe(true);
    const key = (await db().modelVersion.findUniqueOrThrow({ where: { id: second } })).evalSetKey;
    await db().modelVersion.update({ where: { id: second }, data: { evalSetKey: 'another-split' } });
    try {
      const different = await compareVersions([first, second]);
      expect(different.sameEvaluationSet).toBe(false);
      expect(different.metrics.every((m) => m.best.every((b) => !b))).toBe(true);
    } finally {
      await db().modelVersion.update({ where: { id: second }, data: { evalSetKey: key } });
    }
  });

  it('never has two production versions of a kind, even under concurrent promotions', async () => {
    const ids = [first, second];
    await Promise.all(Array.from({ length: 10 }, (_, i) => setStage(ids[i % 2], 'production', `race ${i}`, null).catch((e) => {
      if (!(e instanceof ApiError)) throw e; // "already in production" conflicts are fine
    })));
    expect(await db().modelVersion.count({ where: { kind: 'email', stage: 'production' } })).toBe(1);
  });

  it('refuses a dataset that does not exist and ml-random-forest above its row limit', async () => {
    await expect(createTrainingJob(TrainRequest.parse({ datasetVersionId: 'nope' }), null)).rejects.toMatchObject({ status: 404 });
    const big = await createDatasetVersion({ name: unique('big'), kind: 'email', source: 'generated', rows: generateEmails({ count: 10_001, seed: 1 }), columns: ['email', 'label'], labelColumn: 'label' });
    await expect(createTrainingJob(TrainRequest.parse({ datasetVersionId: big.id, algorithm: 'ml-random-forest' }), null)).rejects.toMatchObject({ status: 422, code: 'too_many_rows' });
  });

  it('fails a training job on a one-class dataset with the reason, without retrying', async () => {
    const oneClass = await createDatasetVersion({ name: unique('one'), kind: 'email', source: 'generated', rows: generateEmails({ count: 200, fraudRate: 0, seed: 2 }), columns: ['email', 'label'], labelColumn: 'label' });
    const job = await createTrainingJob(TrainRequest.parse({ datasetVersionId: oneClass.id }), null);
    const until = Date.now() + 60_000;
    let j = await getJob(job.id);
    while (j?.status !== 'failed' && Date.now() < until) { await new Promise((r) => setTimeout(r, 100)); j = await getJob(job.id); }
    expect(j).toMatchObject({ status: 'failed', attempts: 1 });
    expect(j!.error).toMatch(/both classes/);
  });
});
