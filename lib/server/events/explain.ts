// Reasons for an event's score, with its aggregates as the server computed them from entity state.
import type { Row } from '@/lib/ml/features';
import { env } from '../platform/env';
import type { EventScorer } from './serving';

/** Stripe-style 0–99 risk score of a probability. */
export const riskScore = (p: number | null | undefined) => (p === null || p === undefined ? null : Math.min(99, Math.floor(p * 100)));

/** history: the card's earlier payments, for a card model (legacy 'transaction'); ignored otherwise. */
export function explainEvent(scorer: EventScorer, row: Row, aggregates: number[], history: Row[] = []) {
  const context = scorer.legacy === 'transaction' ? { history } : scorer.legacy ? {} : { aggregates: aggregates.map((v) => [v]) };
  const e = scorer.model.explainRow(row, { top: 5, method: env().VIGIL_EXPLAIN, ...context });
  return { probability: e.probability, reasons: e.reasons.map((r) => ({ feature: r.feature, text: r.text, contribution: r.contribution })) };
}

export const eventReasons = (scorer: EventScorer, row: Row, aggregates: number[], history?: Row[]) => explainEvent(scorer, row, aggregates, history).reasons;
