// Small reads the event screens need beside search: model versions by name, event counts per type, and the
// score tester's setup (definition, an example event and the model versions of each type).
import { db } from '../platform/db';
import { listEventTypes } from './event-types';
import { searchEvents } from './search';

/** "fraud-gbdt v3 · production" per model version id. */
export async function modelVersionNames(ids: (string | null | undefined)[]): Promise<Record<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return {};
  const rows = await db().modelVersion.findMany({ where: { id: { in: wanted } }, select: { id: true, version: true, stage: true, model: { select: { name: true } } } });
  return Object.fromEntries(rows.map((r) => [r.id, `${r.model.name} v${r.version} · ${r.stage}`]));
}

/** Stored events per type: one grouped count on the (eventType, occurredAt) index. */
export async function eventCountsByType(): Promise<Record<string, number>> {
  const groups = await db().event.groupBy({ by: ['eventType'], _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.eventType, g._count._all]));
}

/** The stored aggregate values (features) of a type's latest events, for the editor's preview. */
export async function recentFeatures(type: string, limit = 20) {
  const { items } = await searchEvents({ type, limit });
  return items.map((e) => ({ id: e.id, externalId: e.externalId, occurredAt: e.occurredAt, features: (e.features ?? {}) as Record<string, number | null> }));
}

export async function eventTesterSetup() {
  const types = await listEventTypes();
  const versions = await db().modelVersion.findMany({
    where: { kind: 'event', eventType: { in: types.map((t) => t.name) } },
    orderBy: [{ createdAt: 'desc' }],
    select: { id: true, version: true, stage: true, eventType: true, model: { select: { name: true } } },
  });
  const out = [];
  for (const t of types) {
    const { items } = await searchEvents({ type: t.name, limit: 1 });
    out.push({
      name: t.name, label: t.label, definition: t.definition,
      example: (items[0]?.payload ?? null) as Record<string, unknown> | null,
      versions: versions.filter((v) => v.eventType === t.name).map((v) => ({ id: v.id, stage: v.stage, label: `${v.model.name} v${v.version} · ${v.stage}` })),
    });
  }
  return out;
}
export type EventTesterType = Awaited<ReturnType<typeof eventTesterSetup>>[number];

/** Who created each definition version: a user's email (tokens and presets show nothing). */
export async function userEmails(ids: (string | null)[]): Promise<Record<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return {};
  const users = await db().user.findMany({ where: { id: { in: wanted } }, select: { id: true, email: true } });
  return Object.fromEntries(users.map((u) => [u.id, u.email]));
}
