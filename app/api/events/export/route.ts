import { EventsApi } from '@/lib/server/api/events';
import { recordAudit } from '@/lib/server/access/audit';
import { exportEvents } from '@/lib/server/events';
import { handle } from '@/lib/server/platform/api-route';
import { csvDownload } from '@/lib/server/platform/csv-safe';

/** One type's events as CSV (same filters as GET /api/events), sensitive fields masked, streamed page by page. */
export const GET = handle(EventsApi.export, async ({ query, principal }) => {
  const { columns, batches } = await exportEvents(query);
  await recordAudit(principal, { action: 'events.export', targetType: 'event', after: JSON.parse(JSON.stringify(query)) });
  return csvDownload(batches, columns, query.type);
});
