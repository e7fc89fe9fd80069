// Applies prisma/**/migrations/*/migration.sql on either provider, recording them in Prisma's own
// _prisma_migrations table with Prisma's checksum (sha256 of the file), so `prisma migrate status` agrees.
// Postgres: `prisma migrate deploy` fails with the pg adapter (prisma issue 27403), hence this runner.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { dbProvider, sqlitePath } from './env';

const PRISMA_ADVISORY_LOCK = 72707369;

export interface MigrationFile { name: string; sql: string; checksum: string }
export interface MigrationStatus { applied: string[]; pending: string[]; modified: string[]; failed: string[] }

interface Driver {
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs one migration's SQL and its bookkeeping atomically. */
  applyInTransaction(sql: string, record: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export function migrationsDir(provider: 'sqlite' | 'postgres', root = process.cwd()): string {
  return path.join(root, 'prisma', ...(provider === 'postgres' ? ['postgres'] : []), 'migrations');
}

export function readMigrations(dir: string): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

const TABLE_SQL = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgres: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

async function openDriver(url: string): Promise<Driver> {
  if (dbProvider(url) === 'postgres') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    return {
      query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
      async applyInTransaction(sql, record) {
        await client.query('BEGIN');
        try {
          await client.query(sql);
          await record();
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      },
      async close() {
        await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => undefined);
        await client.end();
      },
    };
  }
  const file = sqlitePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { timeout: 10_000 });
  sqlite.pragma('journal_mode = WAL'); // readers never block the worker's writes
  return {
    query: async (sql, params = []) => {
      const stmt = sqlite.prepare(sql);
      return stmt.reader ? (stmt.all(...params) as Record<string, unknown>[]) : (stmt.run(...params), []);
    },
    async applyInTransaction(sql, record) {
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        sqlite.exec(sql);
        await record();
        sqlite.exec('COMMIT');
      } catch (err) {
        sqlite.exec('ROLLBACK');
        throw err;
      }
    },
    close: async () => void sqlite.close(),
  };
}

async function appliedRows(driver: Driver, provider: 'sqlite' | 'postgres') {
  await driver.query(TABLE_SQL[provider]);
  return driver.query('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"');
}

function compare(files: MigrationFile[], rows: Record<string, unknown>[]): MigrationStatus {
  const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [String(r.migration_name), String(r.checksum)]));
  const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => String(r.migration_name));
  return {
    applied: files.filter((f) => done.has(f.name)).map((f) => f.name),
    pending: files.filter((f) => !done.has(f.name)).map((f) => f.name),
    modified: files.filter((f) => done.has(f.name) && done.get(f.name) !== f.checksum).map((f) => f.name),
    failed,
  };
}

export async function migrationStatus(url: string, root = process.cwd()): Promise<MigrationStatus> {
  const provider = dbProvider(url);
  const driver = await openDriver(url);
  try {
    return compare(readMigrations(migrationsDir(provider, root)), await appliedRows(driver, provider));
  } finally {
    await driver.close();
  }
}

export interface MigrateOptions {
  /** Stops short of this migration: only migrations named before it are applied (a database of an older schema). */
  before?: string;
}

/** Applies pending migrations in order, each in its own transaction. Safe to run again and concurrently. */
export async function migrate(url: string, root = process.cwd(), opts: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const provider = dbProvider(url);
  const driver = await openDriver(url);
  try {
    const files = readMigrations(migrationsDir(provider, root)).filter((f) => opts.before === undefined || f.name < opts.before);
    const status = compare(files, await appliedRows(driver, provider));
    if (status.modified.length) throw new Error(`Applied migrations were edited afterwards: ${status.modified.join(', ')}`);
    const applied: string[] = [];
    for (const file of files.filter((f) => status.pending.includes(f.name))) {
      const id = crypto.randomUUID();
      const now = new Date().toISOString();
      await driver.applyInTransaction(file.sql, async () => {
        await driver.query(
          provider === 'postgres'
            ? 'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, $4, $5, 1)'
            : 'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)',
          [id, file.checksum, file.name, now, now],
        );
      });
      applied.push(file.name);
    }
    return { applied };
  } finally {
    await driver.close();
  }
}
