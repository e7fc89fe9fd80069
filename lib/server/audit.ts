// Append-only audit trail. There is deliberately no update or delete function.
import type { Db } from './db';
import { db } from './db';
import type { Principal } from './principal';

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
