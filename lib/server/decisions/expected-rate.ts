// The expected production fraud rate per serving slot, for prior correction before banding. Served from a
// per-process cache: the setting is re-read at most once a second (a change is seen within 2 s everywhere, and
// at once in the process that saved it); the traffic estimate is recomputed every ten minutes.
import { estimatePrior } from '@/lib/ml/calibration';
import { type ProbabilityModel, productionProbability } from '@/lib/ml/probability';
import { db } from '../platform/db';
import { loadVersion } from '../registry/models';

export type ExpectedRateSource = 'setting' | 'traffic' | 'kind default' | 'training';
export interface ExpectedRate {
  /** Null: no correction (the training rate is assumed). */
  rate: number | null;
  source: ExpectedRateSource;
  /** Scored items behind a traffic estimate. */
  scored?: number;
}

/**
 * Defaults for built-in types (by settings key) without a setting or traffic. Email checks screen sign-ups, where a few percent
 * are fraudulent; email training sets are usually balanced far above that.
 */
export const KIND_DEFAULT_RATES: Readonly<Record<string, number>> = { 'event:email': 0.02 };

const SETTING_TTL_MS = 1_000;
const TRAFFIC_TTL_MS = 10 * 60_000;
const TRAFFIC_DAYS = 30;
/** Fewer scored items than this and the traffic says too little about the base rate. */
export const MIN_SCORED_FOR_ESTIMATE = 200;
const TRAFFIC_SAMPLE = 20_000;

const settings = new Map<string, { rate: Promise<number | null>; at: number }>();
const traffic = new Map<string, { estimate: Promise<{ rate: number | null; scored: number }>; at: number }>();

/** Settings are kept per kind (tabular models share 'tabular') or per event type (event:<type>). */
export const settingsKeyOfSlot = (slot: string) => (slot.startsWith('tabular:') ? 'tabular' : slot);

function settingRate(key: string): Promise<number | null> {
  const hit = settings.get(key);
  if (hit && Date.now() - hit.at < SETTING_TTL_MS) return hit.rate;
  const rate = db().monitorSetting.findUnique({ where: { kind: key }, select: { expectedFraudRate: true } }).then((r) => r?.expectedFraudRate ?? null);
  settings.set(key, { rate, at: Date.now() });
  rate.catch(() => settings.delete(key));
  return rate;
}

/** The version's own stored scores (calibrated at its training rate) of the last 30 days, newest first. */
async function scoredTraffic(slot: string, versionId: string): Promise<Float64Array> {
  const since = new Date(Date.now() - TRAFFIC_DAYS * 86_400_000);
  const rows = await db().event.findMany({ where: { modelVersionId: versionId, occurredAt: { gte: since }, score: { not: null } }, select: { score: true }, orderBy: { occurredAt: 'desc' }, take: TRAFFIC_SAMPLE });
  return Float64Array.from(rows, (r) => r.score!);
}

/**
 * The base rate of the traffic this version scored, by EM over its calibrated scores: labels are not used,
 * since the labelled items are mostly the flagged ones and their fraud share overstates the rate.
 */
export async function trafficRate(slot: string, versionId: string, model: ProbabilityModel): Promise<{ rate: number | null; scored: number }> {
  const scores = await scoredTraffic(slot, versionId);
  if (scores.length < MIN_SCORED_FOR_ESTIMATE || model.trainRate === undefined) return { rate: null, scored: scores.length };
  return { rate: estimatePrior(scores, model.trainRate), scored: scores.length };
}

/** A stale estimate is served while its refresh runs, so no request waits for the scan after the first. */
function cachedTrafficRate(slot: string, versionId: string, model: ProbabilityModel) {
  const hit = traffic.get(versionId);
  if (hit && Date.now() - hit.at < TRAFFIC_TTL_MS) return hit.estimate;
  const estimate = trafficRate(slot, versionId, model);
  const settled = estimate.then(() => { traffic.set(versionId, { estimate, at: Date.now() }); }, () => { if (!hit) traffic.delete(versionId); });
  if (hit) { hit.at = Date.now(); void settled; return hit.estimate; }
  traffic.set(versionId, { estimate, at: Date.now() });
  return estimate;
}

/** Setting → traffic estimate → kind default → the training rate (no correction). */
export async function expectedRate(slot: string, versionId: string, model: ProbabilityModel, opts: { fresh?: boolean } = {}): Promise<ExpectedRate> {
  const key = settingsKeyOfSlot(slot);
  const set = await settingRate(key);
  if (set !== null) return { rate: set, source: 'setting' };
  if (model.trainRate === undefined) return { rate: null, source: 'training' };
  const t = opts.fresh ? await trafficRate(slot, versionId, model) : await cachedTrafficRate(slot, versionId, model);
  if (t.rate !== null) return { rate: t.rate, source: 'traffic', scored: t.scored };
  const byKind = KIND_DEFAULT_RATES[key];
  if (byKind !== undefined) return { rate: byKind, source: 'kind default' };
  return { rate: null, source: 'training' };
}

/** Forget cached rates (after a settings change in this process, and in tests). */
export function resetExpectedRates() {
  settings.clear();
  traffic.clear();
}

/**
 * A version's calibrated scores (training base rate) moved to the scale its bands apply to: for replays of
 * stored traffic (backtests), so a threshold tuned there means what it means in serving.
 */
export async function toProductionScale(versionId: string, model: ProbabilityModel, p: Float64Array): Promise<Float64Array> {
  const v = await db().modelVersion.findUnique({ where: { id: versionId }, select: { servingSlot: true } });
  const { rate } = await expectedRate(v?.servingSlot ?? '', versionId, model);
  if (rate === null || model.trainRate === undefined) return p;
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = productionProbability(model, p[i], rate);
  return out;
}

/**
 * A version's stored-score → production-probability map (prior correction is a fixed odds ratio per version),
 * for reading stored traffic on the scale its bands were applied to. Unknown versions map to themselves.
 */
export async function productionScaler(versionId: string | null): Promise<(p: number) => number> {
  const ratio = await productionOddsRatio(versionId);
  return (p) => withOddsRatio(p, ratio);
}

/** The stored-score value at which a production-scale cut (a band) is reached: compare stored scores with it. */
export async function storedScoreCut(versionId: string, cut: number): Promise<number> {
  return withOddsRatio(cut, 1 / (await productionOddsRatio(versionId)));
}

const withOddsRatio = (p: number, ratio: number) => (ratio === 1 || p <= 0 || p >= 1 ? p : (p * ratio) / (p * ratio + 1 - p));

async function productionOddsRatio(versionId: string | null): Promise<number> {
  if (!versionId || !(await db().modelVersion.findUnique({ where: { id: versionId }, select: { id: true } }))) return 1;
  const half = (await toProductionScale(versionId, (await loadVersion(versionId)).model, Float64Array.of(0.5)))[0];
  return half / (1 - half);
}
