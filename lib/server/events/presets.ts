// The built-in event types (the seeds' shapes), created on first use of any event type service, idempotently:
// a preset that exists (possibly edited since) is left as it is.
import { PRESETS } from '@/lib/ml/events/presets';
import { db } from '../platform/db';
import { isUniqueViolation } from '../platform/db-errors';

let seeded: Promise<void> | null = null;

export function ensurePresets(): Promise<void> {
  seeded ??= seed().catch((err) => {
    seeded = null;
    throw err;
  });
  return seeded;
}

async function seed() {
  const existing = new Set((await db().eventType.findMany({ where: { name: { in: PRESETS.map((p) => p.name) } }, select: { name: true } })).map((t) => t.name));
  for (const p of PRESETS) {
    if (existing.has(p.name)) continue;
    try {
      await db().$transaction(async (tx) => {
        const t = await tx.eventType.create({ data: { name: p.name, label: p.label ?? null, currentVersion: 1, builtIn: true } });
        await tx.eventTypeVersion.create({ data: { eventTypeId: t.id, version: 1, definition: p as never } });
      });
    } catch (err) {
      // Another process seeded it first.
      if (!isUniqueViolation(err)) throw err;
    }
  }
}

/** Forget that this process seeded (tests that empty the tables). */
export function resetPresetSeeding() {
  seeded = null;
}
