import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/platform/db';
import { JOB_HANDLERS } from '@/scripts/job-handlers';
import { getJob } from '@/lib/server/platform/jobs';
import { checkRetrainTriggers } from '@/lib/server/monitoring/retrain';
import { createWorker } from '@/lib/server/platform/worker';
import { ingestOrders, orderModel, timeOf } from './event-fixtures';
import { resetJobs } from './helpers';

const JAN = Date.UTC(2026, 0, 1);
let type = '';
let key = '';
let versionId = '';
let baseRows = 0;
let labelled = 0;

const mine = (rs: Awaited<ReturnType<typeof checkRetrainTriggers>>) => rs.filter((r) => r.kind === key);
const setting = (data: { retrainEnabled?: boolean; retrainNewLabels?: number; retrainOnDrift?: boolean; lastRetrainAt?: Date | null }) =>
  db().monitorSetting.upsert({ where: { kind: key }, create: { kind: key, ...data }, update: data });

beforeAll(async () => {
  await resetJobs();
  const fixture = await orderModel('retrain_ev');
  ({ type, versionId } = fixture);
  key = `event:${type}`;
  baseRows = (await db().datasetVersion.findUniqueOrThrow({ where: { id: fixture.datasetVersionId } })).rowCount;
  // Live traffic after the training days; 40 of its events labelled, both classes.
  await ingestOrders(type, fixture.orders.filter((o) => timeOf(o) * 1000 >= JAN + 20 * 86_400_000));
  const events = await db().event.findMany({ where: { eventType: type }, select: { id: true, payload: true }, orderBy: { occurredAt: 'asc' } });
  const fraud = events.filter((e) => (e.payload as { is_fraud: number }).is_fraud === 1).slice(0, 10);
  const legit = events.filter((e) => (e.payload as { is_fraud: number }).is_fraud === 0).slice(0, 30);
  for (const e of [...fraud, ...legit]) await db().event.update({ where: { id: e.id }, data: { label: fraud.includes(e) ? 'fraud' : 'legit', labelledAt: new Date() } });
  labelled = fraud.length + legit.length;
}, 180_000);

afterAll(async () => {
  await setting({ retrainEnabled: false });
  await resetJobs();
});

describe('retraining trigger of an event type', () => {
  it('does nothing while off, nor with fewer new labels than the threshold', async () => {
    expect(mine(await checkRetrainTriggers())).toEqual([]);
    await setting({ retrainEnabled: true, retrainNewLabels: 1000, retrainOnDrift: true });
    const [outcome] = mine(await checkRetrainTriggers());
    expect(outcome).toMatchObject({ queued: false });
    expect(outcome.reason).toMatch(`${labelled} of 1000 new labels`);
    expect(await db().job.count({ where: { type: 'train' } })).toBe(0);
  });

  it('queues exactly one job on the labels snapshot plus the base version, even when checked concurrently', { timeout: 240_000 }, async () => {
    await setting({ retrainNewLabels: 25, lastRetrainAt: null });
    const results = mine((await Promise.all([checkRetrainTriggers(), checkRetrainTriggers(), checkRetrainTriggers()])).flat());
    expect(results.filter((r) => r.queued)).toHaveLength(1);
    const jobs = await db().job.findMany({ where: { type: 'train' } });
    expect(jobs).toHaveLength(1);
    const payload = jobs[0].payload as { trigger?: string; eventType?: { name: string } };
    expect(payload.trigger).toBe('retrain');
    expect(payload.eventType?.name).toBe(type);
    const snapshot = await db().datasetVersion.findFirstOrThrow({ where: { dataset: { name: `${type}-labels` } } });
    expect(snapshot.rowCount).toBe(labelled);
    const merged = await db().datasetVersion.findFirstOrThrow({ where: { dataset: { name: `${type}-retrain` } } });
    // The labelled events are live ones, none of them in the base: base rows plus every label.
    expect(merged).toMatchObject({ source: 'labels', eventType: type, rowCount: baseRows + labelled, labelColumn: 'is_fraud' });
    expect(await db().alert.count({ where: { title: { contains: `Retraining queued for ${type}` } } })).toBe(1);
    // Checked again right away: no new labels since, so nothing more is queued.
    expect(mine(await checkRetrainTriggers()).some((r) => r.queued)).toBe(false);

    // The job trains a candidate of the same model and type; production stays as it was.
    const worker = createWorker({ handlers: JOB_HANDLERS, leaseMs: 10_000, pollMs: 50 });
    void worker.start();
    try {
      const until = Date.now() + 180_000;
      let job = await getJob(jobs[0].id);
      while (job?.status !== 'succeeded' && job?.status !== 'failed' && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 200));
        job = await getJob(jobs[0].id);
      }
      expect(job?.status, job?.error ?? '').toBe('succeeded');
      const candidate = await db().modelVersion.findUniqueOrThrow({ where: { id: (job!.result as { modelVersionId: string }).modelVersionId } });
      expect(candidate).toMatchObject({ stage: 'candidate', kind: 'event', eventType: type, servingSlot: key, datasetVersionId: merged.id });
      expect((await db().modelVersion.findUniqueOrThrow({ where: { id: versionId } })).stage).toBe('production');
    } finally {
      await worker.stop();
    }
  });

  it('a drift alert on one of the type\'s models triggers it; another type\'s does not', async () => {
    await resetJobs();
    await setting({ retrainNewLabels: 1000, retrainOnDrift: true });
    await db().alert.create({ data: { type: 'drift', severity: 'critical', title: 'other type drift', payload: { kind: 'event', eventType: 'someone_else', modelVersionId: 'x' } } });
    expect(mine(await checkRetrainTriggers())[0].queued).toBe(false);
    await db().alert.create({ data: { type: 'drift', severity: 'critical', title: 'drift', payload: { kind: 'event', eventType: type, modelVersionId: versionId } } });
    const [outcome] = mine(await checkRetrainTriggers());
    expect(outcome).toMatchObject({ queued: true });
    expect(outcome.reason).toMatch('drift alert');
  });
});
