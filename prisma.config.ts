// Prisma CLI config: the JS engine with a driver adapter, so nothing is downloaded.
// Only SQLite is migrated through the CLI; Postgres uses scripts/migrate.ts (prisma issue 27403).
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

const sqliteUrl = process.env.DATABASE_URL?.startsWith('file:') ? process.env.DATABASE_URL : 'file:./data/vigil.db';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  async adapter() {
    fs.mkdirSync(path.dirname(sqliteUrl.replace(/^file:/, '')), { recursive: true });
    return new PrismaBetterSQLite3({ url: sqliteUrl });
  },
});
