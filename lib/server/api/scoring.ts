// Route declarations: scoring without storing (see system.ts for why they live here).
import { ScoreEventsInput, TypeParam } from '@/lib/schemas/events';
import { ScoreEmailBatchInput, ScoreEmailInput, ScoreTransactionBatchInput, ScoreTransactionInput } from '@/lib/schemas/scoring';
import { defineEndpoint } from './endpoint';
import { ScoreAnswer, ScoreBatchAnswer } from '@/lib/schemas/responses/scoring';
import { ScoreEventsAnswer } from '@/lib/schemas/responses/event-types';

export const ScoringApi = {
  email: defineEndpoint({ method: 'post', path: '/api/score/email', summary: 'Score one email address (band, reasons); save=true stores it', tag: 'Scoring', scope: 'score:test', body: ScoreEmailInput, bodyLimit: 10_000, response: ScoreAnswer }),
  emailBatch: defineEndpoint({ method: 'post', path: '/api/score/email/batch', summary: 'Score up to 1,000 addresses; errors per record', tag: 'Scoring', scope: 'score:test', body: ScoreEmailBatchInput, bodyLimit: 1_000_000, response: ScoreBatchAnswer }),
  transaction: defineEndpoint({ method: 'post', path: '/api/score/transaction', summary: 'Score one Sparkov-shaped transaction with per-card velocity', tag: 'Scoring', scope: 'score:test', body: ScoreTransactionInput, bodyLimit: 20_000, response: ScoreAnswer }),
  transactionBatch: defineEndpoint({ method: 'post', path: '/api/score/transaction/batch', summary: 'Score up to 1,000 transactions; errors per record', tag: 'Scoring', scope: 'score:test', body: ScoreTransactionBatchInput, bodyLimit: 2_000_000, response: ScoreBatchAnswer }),
  events: defineEndpoint({ method: 'post', path: '/api/score/{type}', summary: 'Score { event } or { events: ≤1,000 } of an event type without storing: probability, 0–99 score, decision, reasons, version', tag: 'Scoring', scope: 'score:test', params: TypeParam, body: ScoreEventsInput, bodyLimit: 2_000_000, response: ScoreEventsAnswer }),
};
