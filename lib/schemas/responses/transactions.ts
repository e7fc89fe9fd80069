// Response contracts of transaction search (/api/transactions/search), the review queue and labels.
import { z } from 'zod';
import { IsoTime, Reason } from './common';
import type { JsonOf } from './served';

export const TransactionRow = z.object({
  id: z.string(),
  externalId: z.string(),
  occurredAt: IsoTime,
  cardId: z.string().nullable(),
  email: z.string().nullable(),
  amount: z.number().nullable(),
  merchant: z.string().nullable(),
  category: z.string().nullable(),
  score: z.number().nullable(),
  decision: z.string().nullable(),
  label: z.string().nullable(),
  labelledAt: IsoTime.nullable(),
  modelVersionId: z.string().nullable(),
});
export type TransactionRow = JsonOf<z.infer<typeof TransactionRow>>;

export const SearchPage = z.object({ items: z.array(TransactionRow), total: z.number().int().nullable(), totalCapped: z.boolean().optional(), nextCursor: z.string().nullable() });
export type SearchPage = JsonOf<z.infer<typeof SearchPage>>;

/** A search row plus what the queue needs to explain and label it. */
export const QueueItem = TransactionRow.extend({ reasons: z.array(Reason).nullable(), labelledById: z.string().nullable().optional(), version: z.number().int() });
export type QueueItem = JsonOf<z.infer<typeof QueueItem>>;

export const QueuePage = z.object({ items: z.array(QueueItem), total: z.number().int(), nextCursor: z.string().nullable() });
export type QueuePage = JsonOf<z.infer<typeof QueuePage>>;

export const BulkLabelResult = z.object({
  results: z.array(z.object({ id: z.string(), ok: z.boolean(), version: z.number().int().optional(), error: z.object({ code: z.string(), message: z.string() }).optional() })),
  labelled: z.number().int(),
});
export type BulkLabelResult = JsonOf<z.infer<typeof BulkLabelResult>>;

/** POST /api/transactions: what the batch did (the same answer as before event types). */
export const IngestSummary = z.object({
  received: z.number().int(), stored: z.number().int(), duplicates: z.array(z.string()), flagged: z.number().int(),
  modelVersionId: z.string().nullable(), shadowVersionId: z.string().nullable(),
});
export type IngestSummary = JsonOf<z.infer<typeof IngestSummary>>;

/** One item with its payload, the scoring version by name and the card's recent payments. */
export const TransactionDetail = QueueItem.extend({
  payload: z.unknown(), shadowScore: z.number().nullable(), shadowModelVersionId: z.string().nullable(), customerId: z.string().nullable(),
  modelVersionName: z.string().nullable(),
  recent: z.array(TransactionRow.pick({ id: true, externalId: true, occurredAt: true, amount: true, merchant: true, category: true, score: true, decision: true, label: true })),
});

export const DeadLetterPage = z.object({
  deadLetters: z.array(z.object({ id: z.string(), source: z.string(), reference: z.string().nullable(), payload: z.string(), reason: z.string(), createdAt: IsoTime })),
  nextCursor: z.string().nullable(),
});
