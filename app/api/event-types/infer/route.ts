import { EventsApi } from '@/lib/server/api/events';
import { inferFromCsv } from '@/lib/server/events';
import { handle } from '@/lib/server/platform/api-route';

/** A suggested definition from the first part of a CSV; nothing is stored. */
export const POST = handle(EventsApi.inferType, async ({ body }) => inferFromCsv(body.csv, body.name));
