import { beforeAll, describe, expect, it } from 'vitest';
import { generateTransactions } from '@/lib/demo';
import { SPARKOV_COLUMNS } from '@/lib/ml/events/seed-shapes';
import type { Row } from '@/lib/ml/features';
import { trainModel } from '@/lib/ml/model';
import { createDatasetVersion } from '@/lib/server/datasets';
import { db } from '@/lib/server/platform/db';
import { registerVersion, setStage } from '@/lib/server/registry/models';
import { checkRetrainTriggers } from '@/lib/server/monitoring/retrain';
import { resetScoringCache } from '@/lib/server/decisions/scoring';
import { ingestTransactions } from '@/lib/server/compat/transactions';
import { resetJobs, unique } from './helpers';

const now = Math.floor(Date.now() / 1000);

beforeAll(async () => {
  await resetJobs();
  const base = generateTransactions({ cards: 80, days: 10, seed: 31, fraudRate: 0.03 });
  const dv = await createDatasetVersion({ name: unique('retrain-base'), kind: 'transaction', source: 'generated', rows: base, columns: [...SPARKOV_COLUMNS], labelColumn: 'is_fraud', timeColumn: 'unix_time', idColumn: 'trans_num' });
  const trained = await trainModel({ kind: 'transaction', rows: base as unknown as Row[], labelColumn: 'is_fraud', algorithm: 'gbdt', params: { rounds: 20 } });
  const v = await registerVersion({ trained, modelName: unique('tx-retrain'), datasetVersionId: dv.id });
  await setStage(v.id, 'production', 'retrain test', null);
  resetScoringCache();
  const live = generateTransactions({ cards: 30, days: 2, seed: 32, start: (now - 3 * 86_400) * 1000, fraudRate: 0.1 });
  await ingestTransactions(live, null);
  const stored = await db().event.findMany({ where: { eventType: 'card_transaction', externalId: { in: live.map((t) => t.trans_num) } }, select: { id: true, externalId: true } });
  const fraudIds = new Set(live.filter((t) => t.is_fraud).map((t) => t.trans_num));
  for (const t of stored.slice(0, 40)) {
    await db().event.update({ where: { id: t.id }, data: { label: fraudIds.has(t.externalId) ? 'fraud' : 'legit', labelledAt: new Date() } });
  }
});

describe('retraining trigger', () => {
  it('does nothing while it is off', async () => {
    expect(await checkRetrainTriggers()).toEqual([]);
  });

  it('queues exactly one training job on labels plus base, even when checked concurrently', async () => {
    await db().monitorSetting.upsert({ where: { kind: 'event:card_transaction' }, create: { kind: 'event:card_transaction', retrainEnabled: true, retrainNewLabels: 25, retrainOnDrift: false }, update: { retrainEnabled: true, retrainNewLabels: 25, retrainOnDrift: false, lastRetrainAt: null } });
    const results = (await Promise.all([checkRetrainTriggers(), checkRetrainTriggers()])).flat();
    expect(results.filter((r) => r.queued)).toHaveLength(1);
    const jobs = await db().job.findMany({ where: { type: 'train' } });
    expect(jobs).toHaveLength(1);
    expect((jobs[0].payload as { trigger?: string }).trigger).toBe('retrain');
    const ds = await db().datasetVersion.findFirstOrThrow({ where: { dataset: { name: 'transaction-retrain' } }, orderBy: { createdAt: 'desc' } });
    expect(ds.source).toBe('labels');
    expect(await db().alert.count({ where: { title: { contains: 'Retraining queued' } } })).toBeGreaterThanOrEqual(1);
    // Checked again right away: no new labels since, so nothing more is queued.
    expect((await checkRetrainTriggers()).some((r) => r.queued)).toBe(false);
  });
});
