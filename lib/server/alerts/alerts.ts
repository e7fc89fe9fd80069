// Alerts: in-app, acknowledged by people, and fanned out to subscribed webhooks as worker jobs.
import type { AlertType } from '@/lib/schemas/alerts';
import { recordAudit } from '../access/audit';
import { db, type Db } from '../platform/db';
import { conflict, notFound } from '../platform/http';
import type { Principal } from '../access/principal';
import { queueDeliveries, withTransactionAlias } from './webhooks';

export interface NewAlert { type: AlertType; severity: 'info' | 'warning' | 'critical'; title: string; payload?: unknown; eventId?: string | null }

type AlertClient = Pick<Db, 'alert'>;

/** Creates alerts with the given client (so callers can include them in their own transaction). */
export async function createAlerts(client: AlertClient, alerts: NewAlert[]) {
  const created = [];
  for (const a of alerts) created.push(await client.alert.create({ data: { ...a, payload: (a.payload ?? undefined) as never } }));
  return created;
}

/** Creates alerts and queues their webhook deliveries. */
export async function raiseAlerts(alerts: NewAlert[]) {
  if (!alerts.length) return;
  await queueDeliveries(await createAlerts(db(), alerts));
}

export async function listAlerts(q: { status: 'open' | 'acknowledged' | 'all'; type?: AlertType; limit: number; cursor?: string }) {
  const where = {
    ...(q.status === 'open' ? { acknowledgedAt: null } : q.status === 'acknowledged' ? { acknowledgedAt: { not: null } } : {}),
    ...(q.type ? { type: q.type } : {}),
  };
  const [items, open] = await Promise.all([
    db().alert.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: q.limit + 1, ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}) }),
    db().alert.count({ where: { acknowledgedAt: null } }),
  ]);
  const page = items.slice(0, q.limit);
  return { items: page.map(withTransactionAlias), open, nextCursor: items.length > q.limit ? page.at(-1)!.id : null };
}

export async function acknowledgeAlert(id: string, actor: Principal) {
  const alert = await db().alert.findUnique({ where: { id } });
  if (!alert) throw notFound('Alert');
  if (alert.acknowledgedAt) throw conflict('Alert was already acknowledged.');
  const updated = await db().alert.update({ where: { id }, data: { acknowledgedAt: new Date(), acknowledgedById: actor.id } });
  await recordAudit(actor, { action: 'alert.acknowledge', targetType: 'alert', targetId: id });
  return withTransactionAlias(updated);
}
