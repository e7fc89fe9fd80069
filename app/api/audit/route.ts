import { searchAudit } from '@/lib/server/audit';
import { auditQueryFrom } from '@/lib/server/access/audit-query';
import { requireScope } from '@/lib/server/auth';
import { json, route } from '@/lib/server/http';

/** Newest first; filters action, actor, targetType, from, to (UTC days); `cursor` is the previous page's nextCursor. */
export const GET = route(async (req) => {
  await requireScope(req, 'audit:read');
  return json(await searchAudit(auditQueryFrom(new URL(req.url).searchParams)));
});
