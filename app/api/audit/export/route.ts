import { exportAudit, recordAudit } from '@/lib/server/audit';
import { auditFilters, auditQueryFrom } from '@/lib/server/access/audit-query';
import { requireScope } from '@/lib/server/auth';
import { route } from '@/lib/server/http';
import { stringifyForSpreadsheet } from '@/lib/server/platform/csv-safe';

const COLUMNS = ['at', 'actor', 'action', 'targetType', 'targetId', 'before', 'after'];

/** The filtered audit log as CSV, formula-safe; the export itself is audited. */
export const GET = route(async (req) => {
  const who = await requireScope(req, 'audit:read');
  const filters = auditFilters(auditQueryFrom(new URL(req.url).searchParams));
  await recordAudit(who, { action: 'audit.export', targetType: 'audit', after: filters });
  const batches = exportAudit(filters);
  let header = true;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (header) controller.enqueue(encoder.encode(stringifyForSpreadsheet([], { header: true, columns: COLUMNS })));
        return controller.close();
      }
      const rows = next.value.map((e) => [e.at, e.actorLabel, e.action, e.targetType, e.targetId ?? '', e.before == null ? '' : JSON.stringify(e.before), e.after == null ? '' : JSON.stringify(e.after)]);
      controller.enqueue(encoder.encode(stringifyForSpreadsheet(rows, { header, columns: COLUMNS })));
      header = false;
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="audit-${stamp}.csv"`, 'cache-control': 'no-store' },
  });
});
