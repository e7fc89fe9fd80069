// Serialising writers that read, decide and write (promotions, per-entity aggregate state) inside one transaction.
import type { Prisma } from '@/lib/generated/sqlite/client';
import { dbProvider } from './env';

/**
 * Takes a Postgres advisory lock on `key` until the transaction ends, so concurrent writers of the same key queue
 * instead of deadlocking. SQLite needs none: it runs one write transaction at a time.
 */
export async function lockForTransaction(tx: Prisma.TransactionClient, key: string): Promise<void> {
  if (dbProvider() !== 'postgres') return;
  // executeRaw, not queryRaw: the function returns void, which the driver adapter cannot deserialise.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
