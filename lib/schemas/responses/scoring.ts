// Response contracts of the scoring routes (/api/score/email, /api/score/transaction and their batches).
import { z } from 'zod';
import { Decision, Reason } from './common';
import type { JsonOf } from './served';

export const ScoreAnswer = z.object({
  /** At the expected production fraud rate: the one compared with the thresholds. */
  probability: z.number(),
  /** Calibrated at the training base rate: what is stored as the item's score. */
  calibratedProbability: z.number().optional(),
  /** The production rate the probability was corrected to (null: the training rate). */
  expectedFraudRate: z.number().nullable().optional(),
  /** 0–99 risk score. */
  score: z.number(),
  decision: Decision,
  modelVersionId: z.string(),
  thresholds: z.object({ review: z.number(), block: z.number() }),
  reasons: z.array(Reason),
  email: z.string().optional(),
  trans_num: z.string().optional(),
  savedId: z.string().optional(),
});
export type ScoreAnswer = JsonOf<z.infer<typeof ScoreAnswer>>;

/** A batch: one entry per record, in order; a record that could not be scored carries its error instead. */
export const ScoreBatchAnswer = z.object({
  results: z.array(z.union([ScoreAnswer.extend({ index: z.number().int() }), z.object({ index: z.number().int(), error: z.object({ code: z.string(), fields: z.record(z.string(), z.array(z.string())) }) })])),
  modelVersionId: z.string(),
});
export type ScoreBatchAnswer = JsonOf<z.infer<typeof ScoreBatchAnswer>>;
