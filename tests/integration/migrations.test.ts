import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { db } from '@/lib/server/platform/db';
import { migrate, migrationStatus, migrationsDir, readMigrations } from '@/lib/server/platform/migrations';

const url = inject('databaseUrl');
const provider = inject('provider') as 'sqlite' | 'postgres';

describe(`migrations on ${provider}`, () => {
  it('has every migration applied by the global setup, with Prisma-compatible checksums', async () => {
    const files = readMigrations(migrationsDir(provider));
    expect(files.length).toBeGreaterThan(0);
    const status = await migrationStatus(url);
    expect(status).toEqual({ applied: files.map((f) => f.name), pending: [], modified: [], failed: [] });
    const rows = await db().$queryRawUnsafe<{ migration_name: string; checksum: string }[]>('SELECT migration_name, checksum FROM "_prisma_migrations"');
    for (const f of files) {
      const sql = fs.readFileSync(path.join(migrationsDir(provider), f.name, 'migration.sql'));
      expect(rows.find((r) => r.migration_name === f.name)?.checksum).toBe(crypto.createHash('sha256').update(sql).digest('hex'));
    }
  });

  it('is idempotent, also when two runners race', async () => {
    const results = await Promise.all([migrate(url), migrate(url)]);
    expect(results.flatMap((r) => r.applied)).toEqual([]);
    const count = await db().$queryRawUnsafe<{ n: unknown }[]>('SELECT COUNT(*) AS n FROM "_prisma_migrations"');
    expect(Number(count[0].n)).toBe(readMigrations(migrationsDir(provider)).length);
  });

  it('creates every table of the data model', async () => {
    expect(await db().user.count()).toBeGreaterThanOrEqual(0);
    for (const model of ['apiToken', 'dataset', 'datasetVersion', 'model', 'modelVersion', 'job', 'event', 'eventEntity', 'alert', 'webhook', 'auditEvent'] as const) {
      expect(await (db()[model] as unknown as { count(): Promise<number> }).count()).toBeGreaterThanOrEqual(0);
    }
  });

  it('keeps the generated Postgres schema in step with the source schema', async () => {
    const { toPostgres } = await import('../../scripts/postgres-schema.mjs');
    const source = fs.readFileSync('prisma/schema.prisma', 'utf8');
    expect(fs.readFileSync('prisma/postgres/schema.prisma', 'utf8')).toBe(toPostgres(source));
  });
});
