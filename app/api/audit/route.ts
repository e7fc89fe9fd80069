import { AccessApi } from '@/lib/server/api/access';
import { searchAudit } from '@/lib/server/access/audit';
import { handle } from '@/lib/server/platform/api-route';

/** Newest first; filters action, actor, targetType, from, to (UTC days); `cursor` is the previous page's nextCursor. */
export const GET = handle(AccessApi.audit, async ({ query }) => searchAudit(query));
