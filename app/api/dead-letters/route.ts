import { DeadLettersQuery } from '@/lib/schemas/dead-letters';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';
import { listDeadLetters } from '@/lib/server/platform/dead-letters';

/** Messages the stream consumer terminated because they can never be ingested, newest first. */
export const GET = route(async (req) => {
  await requireScope(req, 'deadletters:read');
  const query = parseWith(DeadLettersQuery, Object.fromEntries(new URL(req.url).searchParams), 'Query');
  return json(await listDeadLetters(query));
});
