import { QueueQuery } from '@/lib/schemas/reviews';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';
import { eventReviewQueue } from '@/lib/server/events';
import { reviewQueue } from '@/lib/server/reviews';

export const GET = route(async (req) => {
  await requireScope(req, 'transactions:read');
  const query = parseWith(QueueQuery, Object.fromEntries(new URL(req.url).searchParams), 'Query');
  return json(query.type ? await eventReviewQueue(query) : await reviewQueue(query));
});
