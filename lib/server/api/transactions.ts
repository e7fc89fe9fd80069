// Route declarations: transactions, review and dead letters (see system.ts for why they live here).
import { z } from 'zod';
import { IdParam } from '@/lib/schemas/common';
import { DeadLettersQuery } from '@/lib/schemas/dead-letters';
import { BulkLabelInput, LabelInput, QueueQuery } from '@/lib/schemas/reviews';
import { IngestInput } from '@/lib/schemas/scoring';
import { TransactionSearchQuery } from '@/lib/schemas/transaction-search';
import { defineEndpoint } from './endpoint';
import { EventQueuePage } from '@/lib/schemas/responses/events';
import { BulkLabelResult, DeadLetterPage, IngestSummary, QueueItem, QueuePage, SearchPage, TransactionDetail } from '@/lib/schemas/responses/transactions';

export const TransactionsApi = {
  ingest: defineEndpoint({ method: 'post', path: '/api/transactions', summary: 'Ingest up to 1,000 transactions: score, store, alert (idempotent on trans_num)', tag: 'Transactions', scope: 'transactions:ingest', body: IngestInput, bodyLimit: 2_000_000, status: 201, response: IngestSummary }),
  search: defineEndpoint({ method: 'get', path: '/api/transactions/search', summary: 'Search and filter transactions (cursor paging)', tag: 'Transactions', scope: 'transactions:read', query: TransactionSearchQuery, response: SearchPage }),
  export: defineEndpoint({ method: 'get', path: '/api/transactions/export', summary: 'The current filter as CSV', tag: 'Transactions', scope: 'transactions:read', query: TransactionSearchQuery }),
  detail: defineEndpoint({ method: 'get', path: '/api/transactions/{id}', summary: "A transaction with its reasons, payload and the card's recent history", tag: 'Transactions', scope: 'transactions:read', params: IdParam, response: TransactionDetail }),
  label: defineEndpoint({ method: 'post', path: '/api/transactions/{id}/label', summary: 'Label fraud/legit (or null to undo) with optimistic concurrency (409 on conflict)', tag: 'Review', scope: 'review:label', params: IdParam, body: LabelInput, bodyLimit: 2_000, response: QueueItem }),
  bulkLabel: defineEndpoint({ method: 'post', path: '/api/transactions/label', summary: 'Label many items; conflicts reported per item', tag: 'Review', scope: 'review:label', body: BulkLabelInput, bodyLimit: 100_000, response: BulkLabelResult }),
  queue: defineEndpoint({ method: 'get', path: '/api/review/queue', summary: 'Unlabelled review and block items, highest risk first (?type=<event type> for its events)', tag: 'Review', scope: 'transactions:read', query: QueueQuery, response: z.union([QueuePage, EventQueuePage]) }),
  deadLetters: defineEndpoint({ method: 'get', path: '/api/dead-letters', summary: 'Stream messages that could never be ingested, with the reason (?limit&cursor)', tag: 'Transactions', scope: 'deadletters:read', query: DeadLettersQuery, response: DeadLetterPage }),
};
