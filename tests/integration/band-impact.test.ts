// The version page's production view: expected rates, bands on both scales, and what the bands do to the last
// 24 h of traffic (or to the validation split, reweighted, when the version scored nothing).
import { beforeAll, describe, expect, it } from 'vitest';
import { priorCorrect } from '@/lib/ml/calibration';
import { trainModel } from '@/lib/ml/model';
import { createRng } from '@/lib/ml/rng';
import { versionCalibration } from '@/lib/server/registry/band-impact';
import { db } from '@/lib/server/platform/db';
import { expectedRate, MIN_SCORED_FOR_ESTIMATE, resetExpectedRates } from '@/lib/server/decisions/expected-rate';
import { registerVersion } from '@/lib/server/registry/models';
import { updateMonitorSettings } from '@/lib/server/monitoring/monitor-settings';
import { unique } from './helpers';

const TRAFFIC = 40_000;
let scored = '';
let idle = '';
let trainRate = 0;

function tabularRows(n: number, seed: number) {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const a = rng.normal(), b = rng.pick(['x', 'y', 'z']);
    const fraud = rng.next() < 1 / (1 + Math.exp(-(2 * a + (b === 'z' ? 1.5 : -1))));
    return { a: a.toFixed(3), b, noise: rng.normal().toFixed(3), y: fraud ? '1' : '0' };
  });
}

beforeAll(async () => {
  const name = unique('band-impact');
  const trained = await trainModel({ kind: 'tabular', rows: tabularRows(4000, 3), labelColumn: 'y', algorithm: 'gbdt', params: { rounds: 40 } });
  trainRate = trained.trainRate!;
  scored = (await registerVersion({ trained, modelName: name })).id;
  idle = (await registerVersion({ trained, modelName: name })).id;
  // Traffic this version scored over the last 24 h: calibrated scores of a mostly legitimate population.
  const rng = createRng(11);
  const now = Date.now();
  const rows = Array.from({ length: TRAFFIC }, (_, i) => ({
    eventType: 'card_transaction', typeVersion: 1, externalId: `${name}-${i}`, occurredAt: new Date(now - rng.int(23 * 3_600_000)), payload: {},
    score: rng.next() < 0.05 ? 0.5 + rng.next() / 2 : rng.next() * 0.4, modelVersionId: scored,
  }));
  for (let i = 0; i < rows.length; i += 1000) await db().event.createMany({ data: rows.slice(i, i + 1000) });
  // Older than 24 h: not today's traffic.
  await db().event.create({ data: { eventType: 'card_transaction', typeVersion: 1, externalId: `${name}-old`, occurredAt: new Date(now - 3 * 86_400_000), payload: {}, score: 0.99, modelVersionId: scored } });
  await updateMonitorSettings('tabular', { expectedFraudRate: null }, null);
  resetExpectedRates();
}, 300_000);

describe('band impact on the version page', () => {
  it('applies the corrected bands to every item of the last 24 h, estimating the rate from the traffic', async () => {
    const cal = await versionCalibration(scored);
    expect(cal.trainRate).toBeCloseTo(trainRate, 12);
    expect(cal.expected.source).toBe('traffic');
    expect(cal.expected.scored).toBeGreaterThanOrEqual(MIN_SCORED_FOR_ESTIMATE);
    expect(cal.impact).toMatchObject({ basis: 'traffic', n: TRAFFIC });
    const scores = await db().event.findMany({ where: { modelVersionId: scored, occurredAt: { gte: new Date(Date.now() - 86_400_000) } }, select: { score: true } });
    let review = 0, block = 0;
    for (const { score } of scores) {
      const p = priorCorrect(score!, trainRate, cal.expected.rate);
      if (p >= cal.bands.block) block++;
      else if (p >= cal.bands.review) review++;
    }
    expect(cal.impact!.review).toBeCloseTo(review / TRAFFIC, 12);
    expect(cal.impact!.block).toBeCloseTo(block / TRAFFIC, 12);
    expect(cal.reliabilityBefore.length).toBe(10);
    // The thresholds on the training scale are where the corrected probability reaches the bands.
    expect(priorCorrect(cal.bandsOnTrainingScale.block, trainRate, cal.expected.rate)).toBeCloseTo(cal.bands.block, 9);
  });

  it('follows the setting, and a lower expected rate flags less', async () => {
    await updateMonitorSettings('tabular', { expectedFraudRate: 0.3 }, null);
    const high = await versionCalibration(scored);
    expect(high.expected).toEqual({ rate: 0.3, source: 'setting' });
    await updateMonitorSettings('tabular', { expectedFraudRate: 0.01 }, null);
    const low = await versionCalibration(scored);
    expect(low.expected.rate).toBe(0.01);
    expect(low.impact!.review + low.impact!.block).toBeLessThan(high.impact!.review + high.impact!.block);
    await updateMonitorSettings('tabular', { expectedFraudRate: null }, null);
  });

  it('falls back to the validation split reweighted to the expected rate when the version scored nothing', async () => {
    const cal = await versionCalibration(idle);
    expect(cal.impact!.basis).toBe('validation');
    expect(cal.impact!.n).toBeGreaterThan(0);
    expect(cal.impact!.review).toBeGreaterThanOrEqual(0);
    expect(cal.impact!.review + cal.impact!.block).toBeLessThanOrEqual(1);
    // No setting, no traffic, no default for tabular: the training rate (no correction).
    expect((await expectedRate('tabular:x', idle, { trainRate }, { fresh: true })).source).toBe('training');
    await updateMonitorSettings('tabular', { expectedFraudRate: 0.001 }, null);
    const rare = await versionCalibration(idle);
    expect(rare.impact!.block).toBeLessThan(cal.impact!.block + 1e-12);
    await updateMonitorSettings('tabular', { expectedFraudRate: null }, null);
  });
});
