// In-memory scoring with the serving model per kind. Each process re-reads the production and shadow
// pointers at most once per second, so a promotion or rollback is noticed within 2 s on every instance.
import type { LoadedModel } from '@/lib/ml/model';
import type { Row } from '@/lib/ml/features';
import { type Bands, type Decision, decide } from '@/lib/ml/threshold';
import type { Kind } from '@/lib/schemas/models';
import { db } from './db';
import { env } from './env';
import { ApiError } from './http';
import { countScore } from './metrics';
import { loadVersion, servingSlot } from './models';

const POINTER_TTL_MS = 1_000;

// Thresholds are read with the pointer: engineers can move them without a new version.
interface Serving { id: string; bands: Bands }
interface Pointer { serving: Serving | null; checkedAt: number }
const pointers = new Map<string, Pointer>();
const SERVING = { id: true, reviewThreshold: true, blockThreshold: true } as const;
const toServing = (r: { id: string; reviewThreshold: number; blockThreshold: number }): Serving => ({ id: r.id, bands: { review: r.reviewThreshold, block: r.blockThreshold } });

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

export interface Scorer { versionId: string; model: LoadedModel; bands: Bands }

/** The production model for a kind (tabular: for a model name), or a named version of that kind. */
export async function scorerFor(kind: Kind, versionId?: string, modelName?: string): Promise<Scorer> {
  if (versionId) {
    const v = await db().modelVersion.findUnique({ where: { id: versionId }, select: { ...SERVING, kind: true } });
    if (!v) throw new ApiError(404, 'not_found', 'Model version not found.');
    if (v.kind !== kind) throw new ApiError(422, 'kind_mismatch', `Model version ${versionId} scores ${v.kind}, not ${kind}.`);
    return { versionId, model: await loadVersion(versionId), bands: toServing(v).bands };
  }
  const serving = await current(servingSlot(kind, modelName ?? ''), 'production');
  if (!serving) throw new ApiError(409, 'no_model', `No ${modelName ?? kind} model is in production yet: train one and promote it.`);
  return { versionId: serving.id, model: await loadVersion(serving.id), bands: serving.bands };
}

export async function shadowScorer(kind: Kind, modelName?: string): Promise<Scorer | null> {
  const serving = await current(servingSlot(kind, modelName ?? ''), 'shadow');
  return serving ? { versionId: serving.id, model: await loadVersion(serving.id), bands: serving.bands } : null;
}

export interface ScoreResult {
  probability: number;
  /** Stripe-style 0–99 risk score. */
  score: number;
  decision: Decision;
  modelVersionId: string;
  thresholds: { review: number; block: number };
  reasons: { feature: string; text: string; contribution: number }[];
}

export function explain(scorer: Scorer, row: Row, history?: Row[]): ScoreResult {
  const e = scorer.model.explainRow(row, { top: 5, method: env().VIGIL_EXPLAIN, ...(history ? { history } : {}) });
  const decision = decide(e.probability, scorer.bands);
  countScore(scorer.model.model.kind, decision);
  return {
    probability: e.probability,
    score: Math.min(99, Math.floor(e.probability * 100)),
    decision,
    modelVersionId: scorer.versionId,
    thresholds: scorer.bands,
    reasons: e.reasons.map((r) => ({ feature: r.feature, text: r.text, contribution: r.contribution })),
  };
}

/** Forget cached pointers (tests, and after this process itself changes a stage). */
export function resetScoringCache() {
  pointers.clear();
}
