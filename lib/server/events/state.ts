// Online aggregate state: one EntityState row per (type, entity, key), read for a batch's keys and written back
// in the same transaction (ingestion holds the type's lock, so no update is lost).
import type { EntityState } from '@/lib/ml/events/aggregates';
import type { Prisma } from '@/lib/generated/sqlite/client';
import { join, sql } from '@/lib/generated/sqlite/internal/prismaNamespace';
import { dbProvider } from '../platform/env';
import type { Db } from '../platform/db';

type Client = Pick<Db, 'entityState'> | Prisma.TransactionClient;

/**
 * Aggregate state and features are stored as JSON text inside their Json columns: Prisma's Json write path rounds
 * doubles to 16 significant digits (measured on SQLite and Postgres: 0.1 + 0.2 comes back as 0.3), and live
 * aggregates must equal the training replay's exactly.
 */
export const exactJson = (value: unknown): string => JSON.stringify(value);
export const fromExactJson = <T>(stored: unknown): T => (typeof stored === 'string' ? JSON.parse(stored) : stored) as T;

export const stateKey = (entity: string, key: string) => `${entity}\u0000${key}`;

/** The stored states of the given keys (absent keys have none yet), one query per entity. */
export async function readStates(client: Client, type: string, keys: { entity: string; key: string }[]): Promise<Map<string, EntityState>> {
  const byEntity = new Map<string, Set<string>>();
  for (const k of keys) (byEntity.get(k.entity) ?? byEntity.set(k.entity, new Set()).get(k.entity)!).add(k.key);
  const out = new Map<string, EntityState>();
  for (const [entity, set] of byEntity) {
    const all = [...set];
    // Bounded IN lists: Postgres and SQLite both limit bound parameters.
    for (let i = 0; i < all.length; i += 500) {
      const rows = await client.entityState.findMany({ where: { eventType: type, entity, key: { in: all.slice(i, i + 500) } }, select: { key: true, state: true } });
      for (const r of rows) out.set(stateKey(entity, r.key), fromExactJson<EntityState>(r.state));
    }
  }
  return out;
}

const UPSERT_ROWS = 500;

/**
 * Writes the states a batch changed as one upsert per 500 keys (one statement, not one round trip per key: a
 * batch of 500 events touches up to ~1,500 keys). Stored like exactJson via Prisma: a JSON string value.
 */
export async function writeStates(tx: Prisma.TransactionClient, type: string, changed: Map<string, { entity: string; key: string; state: EntityState }>) {
  const list = [...changed.values()];
  const pg = dbProvider() === 'postgres';
  // SQLite keeps DateTime as ISO text with an explicit offset, as Prisma writes it.
  const now = pg ? new Date() : new Date().toISOString().replace('Z', '+00:00');
  for (let i = 0; i < list.length; i += UPSERT_ROWS) {
    const values = list.slice(i, i + UPSERT_ROWS).map((c) => {
      const state = JSON.stringify(exactJson(c.state));
      return sql`(${type}, ${c.entity}, ${c.key}, ${pg ? sql`CAST(${state} AS jsonb)` : sql`${state}`}, ${now})`;
    });
    await tx.$executeRaw`INSERT INTO "EntityState" ("eventType", "entity", "key", "state", "updatedAt") VALUES ${join(values)}
      ON CONFLICT ("eventType", "entity", "key") DO UPDATE SET "state" = excluded."state", "updatedAt" = excluded."updatedAt"`;
  }
}
