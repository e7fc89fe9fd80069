// In-memory scoring with the serving model per kind. Each process re-reads the production and shadow
// pointers at most once per second, so a promotion or rollback is noticed within 2 s on every instance.
import type { LoadedModel } from '@/lib/ml/model';
import type { Row } from '@/lib/ml/features';
import { decideInProduction } from '@/lib/ml/probability';
import type { Bands, Decision } from '@/lib/ml/threshold';
import type { Kind } from '@/lib/schemas/models';
import { db } from '../platform/db';
import { env } from '../platform/env';
import { expectedRate, resetExpectedRates } from './expected-rate';
import { ApiError } from '../platform/http';
import { countScore } from '../platform/metrics';
import { loadVersion, servingSlot } from '../registry/models';

const POINTER_TTL_MS = 1_000;

// Thresholds are read with the pointer: engineers can move them without a new version.
interface Serving { id: string; slot: string; bands: Bands }
interface Pointer { serving: Serving | null; checkedAt: number }
const pointers = new Map<string, Pointer>();
const SERVING = { id: true, servingSlot: true, reviewThreshold: true, blockThreshold: true } as const;
const toServing = (r: { id: string; servingSlot: string; reviewThreshold: number; blockThreshold: number }): Serving => ({ id: r.id, slot: r.servingSlot, bands: { review: r.reviewThreshold, block: r.blockThreshold } });

/** The serving version of a slot at a stage, read at most once per second per process. */
export async function current(slot: string, stage: 'production' | 'shadow'): Promise<Serving | null> {
  const key = `${slot}|${stage}`;
  const hit = pointers.get(key);
  if (hit && Date.now() - hit.checkedAt < POINTER_TTL_MS) return hit.serving;
  const row = await db().modelVersion.findFirst({ where: { servingSlot: slot, stage }, select: SERVING });
  const serving = row ? toServing(row) : null;
  pointers.set(key, { serving, checkedAt: Date.now() });
  return serving;
}

/** prodRate: the expected production fraud rate probabilities are corrected to before banding (null: none). */
export interface Scorer { versionId: string; model: LoadedModel; bands: Bands; prodRate: number | null }

async function toScorer(serving: Serving): Promise<Scorer> {
  const model = await loadVersion(serving.id);
  const { rate } = await expectedRate(serving.slot, serving.id, model.model);
  return { versionId: serving.id, model, bands: serving.bands, prodRate: rate };
}

/** The production model for a kind (tabular: for a model name), or a named version of that kind. */
export async function scorerFor(kind: Kind, versionId?: string, modelName?: string): Promise<Scorer> {
  if (versionId) {
    const v = await db().modelVersion.findUnique({ where: { id: versionId }, select: { ...SERVING, kind: true } });
    if (!v) throw new ApiError(404, 'not_found', 'Model version not found.');
    if (v.kind !== kind) throw new ApiError(422, 'kind_mismatch', `Model version ${versionId} scores ${v.kind}, not ${kind}.`);
    return toScorer(toServing(v));
  }
  const serving = await current(servingSlot(kind, modelName ?? ''), 'production');
  if (!serving) throw new ApiError(409, 'no_model', `No ${modelName ?? kind} model is in production yet: train one and promote it.`);
  return toScorer(serving);
}

export async function shadowScorer(kind: Kind, modelName?: string): Promise<Scorer | null> {
  const serving = await current(servingSlot(kind, modelName ?? ''), 'shadow');
  return serving ? toScorer(serving) : null;
}

export interface ScoreResult {
  /** At the expected production fraud rate: the one compared with the thresholds. */
  probability: number;
  /** Calibrated at the training base rate: what is stored as the item's score. */
  calibratedProbability: number;
  /** The production rate the probability was corrected to (null: the training rate, no correction). */
  expectedFraudRate: number | null;
  /** Stripe-style 0–99 risk score. */
  score: number;
  decision: Decision;
  modelVersionId: string;
  thresholds: { review: number; block: number };
  reasons: { feature: string; text: string; contribution: number }[];
}

/** Exactly the ScoreResult fields of a richer answer (an event score carries index, aggregates, …). */
export const toScoreResult = ({ probability, calibratedProbability, expectedFraudRate, score, decision, modelVersionId, thresholds, reasons }: ScoreResult): ScoreResult =>
  ({ probability, calibratedProbability, expectedFraudRate, score, decision, modelVersionId, thresholds, reasons });

export function explain(scorer: Scorer, row: Row, history?: Row[]): ScoreResult {
  const e = scorer.model.explainRow(row, { top: 5, method: env().VIGIL_EXPLAIN, ...(history ? { history } : {}) });
  const { probability, decision } = decideInProduction(scorer.model.model, e.probability, scorer.bands, scorer.prodRate);
  countScore(scorer.model.model.kind, decision);
  return {
    probability,
    calibratedProbability: e.probability,
    expectedFraudRate: scorer.prodRate,
    score: Math.min(99, Math.floor(probability * 100)),
    decision,
    modelVersionId: scorer.versionId,
    thresholds: scorer.bands,
    reasons: e.reasons.map((r) => ({ feature: r.feature, text: r.text, contribution: r.contribution })),
  };
}

/** Forget cached pointers (tests, and after this process itself changes a stage). */
export function resetScoringCache() {
  pointers.clear();
  resetExpectedRates();
}
