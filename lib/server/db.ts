// The one Prisma client. The provider follows DATABASE_URL; the app is typed with the SQLite client,
// whose API is identical for this portable schema.
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/sqlite/client';
import { PrismaClient as PgPrismaClient } from '@/lib/generated/postgres/client';
import { dbProvider, env, sqlitePath } from './env';

export type Db = PrismaClient;

export function createDb(url = env().DATABASE_URL): Db {
  if (dbProvider(url) === 'postgres') {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    return new PgPrismaClient({ adapter }) as unknown as Db;
  }
  const file = sqlitePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // busy timeout: web and worker share the file; WAL is set by the migration runner.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 10_000 }) });
}

const globalForDb = globalThis as unknown as { vigilDb?: Db };

/** Process-wide client, created on first use (survives Next's module reloading in dev). */
export function db(): Db {
  globalForDb.vigilDb ??= createDb();
  return globalForDb.vigilDb;
}
