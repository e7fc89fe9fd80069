import { TransactionsApi } from '@/lib/server/api/transactions';
import { eventReviewQueue } from '@/lib/server/events';
import { handle } from '@/lib/server/platform/api-route';
import { reviewQueue } from '@/lib/server/compat/transactions-read';

export const GET = handle(TransactionsApi.queue, async ({ query }) => (query.type ? eventReviewQueue(query) : reviewQueue(query)));
