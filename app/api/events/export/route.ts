import { EventExportQuery } from '@/lib/schemas/events';
import { recordAudit } from '@/lib/server/audit';
import { requireScope } from '@/lib/server/auth';
import { exportEvents } from '@/lib/server/events';
import { parseWith, route } from '@/lib/server/http';
import { csvDownload } from '@/lib/server/platform/csv-safe';

/** One type's events as CSV (same filters as GET /api/events), sensitive fields masked, streamed page by page. */
export const GET = route(async (req) => {
  const who = await requireScope(req, 'transactions:read');
  const query = parseWith(EventExportQuery, Object.fromEntries(new URL(req.url).searchParams), 'Query');
  const { columns, batches } = await exportEvents(query);
  await recordAudit(who, { action: 'events.export', targetType: 'event', after: JSON.parse(JSON.stringify(query)) });
  return csvDownload(batches, columns, query.type);
});
