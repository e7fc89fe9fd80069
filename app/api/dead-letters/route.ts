import { TransactionsApi } from '@/lib/server/api/transactions';
import { handle } from '@/lib/server/platform/api-route';
import { listDeadLetters } from '@/lib/server/platform/dead-letters';

/** Messages the stream consumer terminated because they can never be ingested, newest first. */
export const GET = handle(TransactionsApi.deadLetters, async ({ query }) => listDeadLetters(query));
