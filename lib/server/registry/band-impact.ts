// What a version's bands do on the production scale: the training and expected production fraud rates, the
// thresholds in both scales, reliability before/after calibration, and the expected review and block rates on
// the last 24 h of traffic this version scored (or, without any, on its validation split reweighted to the
// production rate).
import type { CurvePoint } from '@/lib/ml/metrics';
import type { CalibrationBin } from '@/lib/ml/metrics';
import { productionProbability, type ProbabilityModel, thresholdOnTrainingScale } from '@/lib/ml/probability';
import type { Bands } from '@/lib/ml/threshold';
import { db } from '../platform/db';
import { type ExpectedRate, expectedRate } from '../decisions/expected-rate';
import { notFound } from '../platform/http';
import { loadVersion } from './models';
import { DAY_MS } from '../platform/days';

/** Newest items read for the 24 h figure; beyond it the rates are those of this many newest items. */
export const IMPACT_SAMPLE = 100_000;

export interface BandRates {
  basis: 'traffic' | 'validation';
  /** Items behind a traffic figure, validation rows behind the other. */
  n: number;
  review: number;
  block: number;
}

export interface VersionCalibration {
  method: 'identity' | 'platt' | 'isotonic';
  fittedOn: number;
  trainRate: number | null;
  expected: ExpectedRate;
  bands: Bands;
  /** The calibrated scores (training base rate) at which the bands start. */
  bandsOnTrainingScale: Bands;
  reliabilityBefore: CalibrationBin[];
  reliabilityAfter: CalibrationBin[];
  impact: BandRates | null;
}

/** Counts of review and block among stored calibrated scores, on the production scale. */
export function bandRatesOfScores(model: ProbabilityModel, scores: ArrayLike<number>, bands: Bands, prodRate: number | null): BandRates {
  let review = 0, block = 0;
  for (let i = 0; i < scores.length; i++) {
    const p = productionProbability(model, scores[i], prodRate);
    if (p >= bands.block) block++;
    else if (p >= bands.review) review++;
  }
  const n = scores.length;
  return { basis: 'traffic', n, review: n ? review / n : 0, block: n ? block / n : 0 };
}

/** Share of validation rows scoring ≥ t (calibrated scale) per class, read off the stored ROC curve. */
function flaggedAt(roc: CurvePoint[], t: number): { fpr: number; tpr: number } {
  // ROC points are ordered by falling threshold; the last one with threshold ≥ t flags exactly the scores ≥ it.
  let best = { fpr: 0, tpr: 0 };
  for (const pt of roc) if (pt.threshold >= t) best = { fpr: pt.x, tpr: pt.y };
  return best;
}

/** The validation split reweighted to the production rate: π'·TPR + (1 − π')·FPR at each band. */
export function bandRatesOfValidation(roc: CurvePoint[], onTrainingScale: Bands, n: number, prodRate: number): BandRates {
  const at = (t: number) => { const f = flaggedAt(roc, t); return prodRate * f.tpr + (1 - prodRate) * f.fpr; };
  const flagged = at(onTrainingScale.review), block = at(onTrainingScale.block);
  return { basis: 'validation', n, review: Math.max(0, flagged - block), block };
}

async function trafficScores(versionId: string): Promise<number[]> {
  const since = new Date(Date.now() - DAY_MS);
  const take = IMPACT_SAMPLE;
  const [ev, evShadow] = await Promise.all([    db().event.findMany({ where: { modelVersionId: versionId, occurredAt: { gte: since }, score: { not: null } }, select: { score: true }, orderBy: { occurredAt: 'desc' }, take }),
    db().event.findMany({ where: { shadowModelVersionId: versionId, occurredAt: { gte: since }, shadowScore: { not: null } }, select: { shadowScore: true }, orderBy: { occurredAt: 'desc' }, take }),
  ]);
  const out: number[] = [];
  for (const r of ev) out.push(r.score!);
  for (const r of evShadow) out.push(r.shadowScore!);
  return out.length > take ? out.slice(0, take) : out;
}

export async function versionCalibration(id: string): Promise<VersionCalibration> {
  const v = await db().modelVersion.findUnique({ where: { id }, select: { servingSlot: true, reviewThreshold: true, blockThreshold: true } });
  if (!v) throw notFound('Model version');
  const { model } = await loadVersion(id);
  const expected = await expectedRate(v.servingSlot, id, model);
  const bands = { review: v.reviewThreshold, block: v.blockThreshold };
  const bandsOnTrainingScale = { review: thresholdOnTrainingScale(model, bands.review, expected.rate), block: thresholdOnTrainingScale(model, bands.block, expected.rate) };
  const scores = await trafficScores(id);
  let impact: BandRates | null = null;
  if (scores.length) impact = bandRatesOfScores(model, scores, bands, expected.rate);
  else if (model.metrics.roc?.length) impact = bandRatesOfValidation(model.metrics.roc, bandsOnTrainingScale, model.metrics.n, expected.rate ?? model.trainRate ?? model.baseline.positiveRate);
  const report = model.calibrationReport;
  return {
    method: model.calibration?.method ?? 'identity', fittedOn: report?.fittedOn ?? 0, trainRate: model.trainRate ?? null, expected, bands, bandsOnTrainingScale,
    reliabilityBefore: report?.before ?? model.metrics.calibration ?? [], reliabilityAfter: report?.after ?? [], impact,
  };
}
