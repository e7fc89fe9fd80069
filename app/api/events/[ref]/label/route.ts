import { EventsApi } from '@/lib/server/api/events';
import { labelEvent } from '@/lib/server/events';
import { handle } from '@/lib/server/platform/api-route';
import { eventItemView } from '@/lib/server/events/search';

/** Labels one event fraud or legit; with `version`, a stale one is a 409. */
export const POST = handle(EventsApi.label, async ({ params, body, principal }) => eventItemView(await labelEvent(params.ref, body, principal)));
