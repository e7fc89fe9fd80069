// Append-only audit trail. There is deliberately no update or delete function.
import type { AuditEventSummary, AuditPage, AuditQuery } from '@/lib/schemas/audit';
import type { Db } from '../platform/db';
import { db } from '../platform/db';
import type { Principal } from './principal';
import { DAY_MS } from '../platform/days';

export interface AuditInput {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
}

type Tx = Pick<Db, 'auditEvent'>;

export async function recordAudit(actor: Principal | null, input: AuditInput, client: Tx = db()) {
  await client.auditEvent.create({
    data: {
      actorId: actor?.id ?? null,
      actorLabel: actor ? actor.label : 'system',
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      before: (input.before ?? undefined) as never,
      after: (input.after ?? undefined) as never,
    },
  });
}

export function listAudit(targetType: string, targetId: string) {
  return db().auditEvent.findMany({ where: { targetType, targetId }, orderBy: { at: 'desc' }, take: 100 });
}


/** Filters → a where clause: action exactly or by prefix ("user." finds every user action); actor by substring of email or token name. */
function auditWhere(q: Omit<AuditQuery, 'cursor' | 'limit'>) {
  const prefixOrExact = (v: string) => (v.endsWith('.') ? { startsWith: v } : v);
  return {
    ...(q.action ? { action: prefixOrExact(q.action) } : {}),
    ...(q.targetType ? { targetType: q.targetType } : {}),
    ...(q.actor ? { actorLabel: { contains: q.actor } } : {}),
    ...(q.from || q.to
      ? { at: { ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}), ...(q.to ? { lt: new Date(Date.parse(`${q.to}T00:00:00Z`) + DAY_MS) } : {}) } }
      : {}),
  };
}

type Row = { id: string; at: Date; actorId: string | null; actorLabel: string; action: string; targetType: string; targetId: string | null; before: unknown; after: unknown };
const summarise = (e: Row): AuditEventSummary => ({ ...e, at: e.at.toISOString(), before: e.before ?? null, after: e.after ?? null });

/** Newest first, cursor-paged by event id (ties on `at` broken by id). */
export async function searchAudit(q: AuditQuery): Promise<AuditPage> {
  const rows = await db().auditEvent.findMany({
    where: auditWhere(q),
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, q.limit);
  return { events: page.map(summarise), nextCursor: rows.length > q.limit ? page[page.length - 1].id : null };
}

/** Every matching event in batches, for the CSV export. */
export async function* exportAudit(q: Omit<AuditQuery, 'cursor' | 'limit'>, batch = 1000): AsyncGenerator<AuditEventSummary[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await searchAudit({ ...q, cursor, limit: batch });
    if (page.events.length) yield page.events;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

/** Distinct actions and target types, for the filter menus. */
export async function auditFacets() {
  const [actions, targetTypes] = await Promise.all([
    db().auditEvent.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
    db().auditEvent.findMany({ distinct: ['targetType'], select: { targetType: true }, orderBy: { targetType: 'asc' } }),
  ]);
  return { actions: actions.map((a) => a.action), targetTypes: targetTypes.map((t) => t.targetType) };
}
