// "Evaluate on…" for event models: the holdout is a later dataset version of the same event type, featurised with
// the aggregates each version's definition replays. The same artefact registered twice must measure identically.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '@/lib/schemas/evaluation';
import { prepareRows, storeVersion } from '@/lib/server/datasets/store';
import { createEvaluationJob } from '@/lib/server/registry/evaluation';
import { getJob } from '@/lib/server/platform/jobs';
import { JOB_HANDLERS } from '@/scripts/job-handlers';
import { loadVersion, registerVersion } from '@/lib/server/registry/models';
import { createWorker } from '@/lib/server/platform/worker';
import { orderModel, timeOf } from './event-fixtures';
import { resetJobs, unique, waitFor } from './helpers';

const worker = createWorker({ handlers: JOB_HANDLERS, leaseMs: 10_000, pollMs: 50 });
let fixture: Awaited<ReturnType<typeof orderModel>>;
let twin = '';
let laterId = '';
let laterRows = 0;

beforeAll(async () => {
  await resetJobs();
  fixture = await orderModel('evalev', { trainDays: 20 });
  twin = (await registerVersion({ trained: (await loadVersion(fixture.versionId)).model, modelName: unique('evalev-twin'), eventType: { name: fixture.type, version: 1 } })).id;
  // The fixture trained on days before 2026-01-21; the holdout is every later order.
  const later = fixture.orders.filter((o) => timeOf(o) >= Date.UTC(2026, 0, 21) / 1000);
  laterRows = later.length;
  const prepared = prepareRows({ name: unique(`${fixture.type}-later`), kind: 'tabular', source: 'generated', rows: later, columns: Object.keys(later[0]), labelColumn: 'is_fraud', timeColumn: 'created_at', idColumn: 'order_id' });
  laterId = (await storeVersion({ ...prepared, kind: 'event', eventType: fixture.type, eventTypeVersion: 1 })).id;
  void worker.start();
}, 240_000);
afterAll(() => worker.stop());

describe('evaluate event models', () => {
  it('scores both versions on the later dataset version with the replayed aggregates', async () => {
    const job = await createEvaluationJob({ versionIds: [fixture.versionId, twin], holdout: { datasetVersionId: laterId } }, null);
    const done = await waitFor(() => getJob(job.id), (j) => j?.status === 'succeeded' || j?.status === 'failed', 120_000);
    expect(done?.error ?? null).toBeNull();
    const result = done!.result as unknown as EvaluationResult;
    expect(result.holdout).toMatchObject({ type: 'dataset', kind: 'event', eventType: fixture.type, rows: laterRows });
    const [a, b] = result.versions;
    expect(a.rocAuc.point!).toBeGreaterThan(0.6);
    // Same artefact, same rows, same featurisation: identical numbers.
    expect(b.rocAuc).toEqual(a.rocAuc);
    expect(b.recallAtFpr).toEqual(a.recallAtFpr);
    expect(b.vsFirst!.rocAuc).toEqual({ point: 0, lower: 0, upper: 0 });
  });

  it('refuses a holdout of another kind, naming the versions', async () => {
    const emails = await storeVersion(prepareRows({ name: unique('emails'), kind: 'email', source: 'generated', rows: [{ email: 'a@b.co', label: 1 }, { email: 'c@d.co', label: 0 }], columns: ['email', 'label'], labelColumn: 'label' }));
    await expect(createEvaluationJob({ versionIds: [fixture.versionId, twin], holdout: { datasetVersionId: emails.id } }, null))
      .rejects.toMatchObject({ status: 400, message: expect.stringContaining(`(${fixture.type} events)`) });
  });
});
