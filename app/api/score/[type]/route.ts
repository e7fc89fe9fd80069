import { ScoringApi } from '@/lib/server/api/scoring';
import { scoreEvents } from '@/lib/server/events';
import { handle } from '@/lib/server/platform/api-route';

/** Scores `{ event }` or `{ events: ≤1,000 }` of a type without storing them (email and transaction keep their own routes). */
export const POST = handle(ScoringApi.events, async ({ params, body }) => scoreEvents(params.type, body));
