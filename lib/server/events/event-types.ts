// Event types: a name and immutable definition versions. Editing writes a new version; models and dataset
// versions keep pointing at the version they were built on, so an edit never breaks what serves.
import type { EventTypeDefinition } from '@/lib/ml/events/definition';
import { recordAudit } from '../access/audit';
import { db } from '../platform/db';
import { ApiError, badRequest, notFound } from '../platform/http';
import { isUniqueViolation } from '../platform/db-errors';
import type { Principal } from '../access/principal';
import { ensurePresets } from './presets';

export interface EventTypeSummary {
  name: string;
  label: string | null;
  currentVersion: number;
  builtIn: boolean;
  createdAt: Date;
  updatedAt: Date;
  definition: EventTypeDefinition;
}

export interface EventTypeDetail extends EventTypeSummary {
  versions: { version: number; definition: EventTypeDefinition; createdById: string | null; createdAt: Date }[];
}

const actorId = (who: Principal | null) => (who?.kind === 'user' ? who.id : null);

/** Every type with its current definition, built-in presets included (seeded on first use). */
export async function listEventTypes(): Promise<EventTypeSummary[]> {
  await ensurePresets();
  const types = await db().eventType.findMany({ orderBy: { name: 'asc' }, include: { versions: { orderBy: { version: 'desc' }, take: 1 } } });
  return types.map(({ versions, id: _id, ...t }) => ({ ...t, definition: versions[0]?.definition as unknown as EventTypeDefinition }));
}

export async function getEventType(name: string): Promise<EventTypeDetail> {
  await ensurePresets();
  const t = await db().eventType.findUnique({ where: { name }, include: { versions: { orderBy: { version: 'desc' } } } });
  if (!t) throw notFound(`Event type '${name}'`);
  const { id: _id, versions, ...rest } = t;
  const mapped = versions.map((v) => ({ version: v.version, definition: v.definition as unknown as EventTypeDefinition, createdById: v.createdById, createdAt: v.createdAt }));
  return { ...rest, definition: mapped[0].definition, versions: mapped };
}

export async function createEventType(def: EventTypeDefinition, actor: Principal | null, builtIn = false): Promise<EventTypeDetail> {
  await ensurePresets(); // a preset's name is taken before anyone can claim it
  try {
    await db().$transaction(async (tx) => {
      const created = await tx.eventType.create({ data: { name: def.name, label: def.label ?? null, currentVersion: 1, builtIn } });
      await tx.eventTypeVersion.create({ data: { eventTypeId: created.id, version: 1, definition: def as never, createdById: actorId(actor) } });
      if (actor) await recordAudit(actor, { action: 'eventType.create', targetType: 'eventType', targetId: def.name, after: { version: 1 } }, tx);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameClash(def.name);
    throw err;
  }
  return getEventType(def.name);
}

// Postgres jsonb reorders object keys, so definitions are compared with sorted keys.
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
      : JSON.stringify(v) ?? 'null';

const nameClash = (name: string) => new ApiError(409, 'conflict', `An event type named '${name}' already exists; edit it with PUT /api/event-types/${name}.`, { name: ['This name is taken.'] });

/** A new version when the definition changed; the same one when it did not (re-sending is harmless). */
export async function updateEventType(name: string, def: EventTypeDefinition, actor: Principal | null): Promise<EventTypeDetail> {
  if (def.name !== name) throw badRequest('The definition renames the type; names cannot change.', { name: [`Must be '${name}'.`] });
  await ensurePresets();
  for (let attempt = 0; ; attempt++) {
    try {
      await db().$transaction(async (tx) => {
        const t = await tx.eventType.findUnique({ where: { name }, include: { versions: { orderBy: { version: 'desc' }, take: 1 } } });
        if (!t) throw notFound(`Event type '${name}'`);
        if (canonical(t.versions[0]?.definition) === canonical(def)) return;
        const version = t.currentVersion + 1;
        await tx.eventTypeVersion.create({ data: { eventTypeId: t.id, version, definition: def as never, createdById: actorId(actor) } });
        // Conditional on the version read: a concurrent edit makes this count 0 and the attempt runs again.
        const { count } = await tx.eventType.updateMany({ where: { id: t.id, currentVersion: t.currentVersion }, data: { currentVersion: version, label: def.label ?? null } });
        if (count === 0) throw Object.assign(new Error('concurrent edit'), { code: 'P2002' });
        await recordAudit(actor, { action: 'eventType.update', targetType: 'eventType', targetId: name, before: { version: t.currentVersion }, after: { version } }, tx);
      });
      return getEventType(name);
    } catch (err) {
      if (attempt < 3 && isUniqueViolation(err)) continue;
      throw err;
    }
  }
}

// Versions are immutable, so a definition read once is good for the life of the process.
const definitions = new Map<string, { definition: EventTypeDefinition; builtIn: boolean }>();

/** A type's definition at a version (the current one when omitted); 404 for an unknown type. */
export async function definitionOf(name: string, version?: number): Promise<{ definition: EventTypeDefinition; version: number; builtIn: boolean }> {
  const cached = version === undefined ? undefined : definitions.get(`${name}@${version}`);
  if (cached) return { ...cached, version: version! };
  await ensurePresets();
  const t = await db().eventType.findUnique({ where: { name }, select: { id: true, currentVersion: true, builtIn: true } });
  if (!t) throw notFound(`Event type '${name}'`);
  const v = version ?? t.currentVersion;
  const hit = definitions.get(`${name}@${v}`);
  if (hit) return { ...hit, version: v };
  const row = await db().eventTypeVersion.findUnique({ where: { eventTypeId_version: { eventTypeId: t.id, version: v } }, select: { definition: true } });
  if (!row) throw notFound(`Version ${v} of event type '${name}'`);
  const entry = { definition: row.definition as unknown as EventTypeDefinition, builtIn: t.builtIn };
  definitions.set(`${name}@${v}`, entry);
  return { ...entry, version: v };
}
