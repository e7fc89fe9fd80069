import { EventsApi } from '@/lib/server/api/events';
import { searchEvents } from '@/lib/server/events';
import { handle } from '@/lib/server/platform/api-route';

/** Events of any type, newest first: ?type&decision&label&from&to&entity=entity:key&q&limit&cursor. */
export const GET = handle(EventsApi.search, async ({ query }) => searchEvents(query));
