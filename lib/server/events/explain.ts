// Reasons for an event's score, with its aggregates as the server computed them from entity state.
import type { Row } from '@/lib/ml/features';
import { env } from '../platform/env';
import type { EventScorer } from './serving';

/** Stripe-style 0–99 risk score of a probability. */
export const riskScore = (p: number | null | undefined) => (p === null || p === undefined ? null : Math.min(99, Math.floor(p * 100)));

export function explainEvent(scorer: EventScorer, row: Row, aggregates: number[]) {
  const e = scorer.model.explainRow(row, { top: 5, method: env().VIGIL_EXPLAIN, aggregates: aggregates.map((v) => [v]) });
  return { probability: e.probability, reasons: e.reasons.map((r) => ({ feature: r.feature, text: r.text, contribution: r.contribution })) };
}

export const eventReasons = (scorer: EventScorer, row: Row, aggregates: number[]) => explainEvent(scorer, row, aggregates).reasons;
