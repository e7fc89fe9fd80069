import { exportAudit, recordAudit } from '@/lib/server/audit';
import { auditFilters, auditQueryFrom } from '@/lib/server/access/audit-query';
import { requireScope } from '@/lib/server/auth';
import { route } from '@/lib/server/http';
import { csvDownload } from '@/lib/server/platform/csv-safe';

const COLUMNS = ['at', 'actor', 'action', 'targetType', 'targetId', 'before', 'after'];

/** The filtered audit log as CSV, formula-safe; the export itself is audited. */
export const GET = route(async (req) => {
  const who = await requireScope(req, 'audit:read');
  const filters = auditFilters(auditQueryFrom(new URL(req.url).searchParams));
  await recordAudit(who, { action: 'audit.export', targetType: 'audit', after: filters });
  return csvDownload(auditRows(exportAudit(filters)), COLUMNS, 'audit');
});

async function* auditRows(batches: ReturnType<typeof exportAudit>) {
  for await (const page of batches) {
    yield page.map((e) => [e.at, e.actorLabel, e.action, e.targetType, e.targetId ?? '', e.before == null ? '' : JSON.stringify(e.before), e.after == null ? '' : JSON.stringify(e.after)]);
  }
}
