import { auditFilters } from '@/lib/server/access/audit-query';
import { AccessApi } from '@/lib/server/api/access';
import { exportAudit, recordAudit } from '@/lib/server/access/audit';
import { handle } from '@/lib/server/platform/api-route';
import { csvDownload } from '@/lib/server/platform/csv-safe';

const COLUMNS = ['at', 'actor', 'action', 'targetType', 'targetId', 'before', 'after'];

/** The filtered audit log as CSV, formula-safe; the export itself is audited. */
export const GET = handle(AccessApi.auditExport, async ({ query, principal }) => {
  const filters = auditFilters(query);
  await recordAudit(principal, { action: 'audit.export', targetType: 'audit', after: filters });
  return csvDownload(auditRows(exportAudit(filters)), COLUMNS, 'audit');
});

async function* auditRows(batches: ReturnType<typeof exportAudit>) {
  for await (const page of batches) {
    yield page.map((e) => [e.at, e.actorLabel, e.action, e.targetType, e.targetId ?? '', e.before == null ? '' : JSON.stringify(e.before), e.after == null ? '' : JSON.stringify(e.after)]);
  }
}
