// Reads a dataset version's stored CSV (gzip) straight from the driver. Through Prisma's JS engine a 50 MB
// Bytes cell costs about 700 MB of heap (a 1M-row version; bench/server-1m.ts); the drivers hand back one Buffer.
import Database from 'better-sqlite3';
import pg from 'pg';
import { dbProvider, env, sqlitePath } from './env';

const SQL = 'SELECT "content" FROM "DatasetVersion" WHERE "id" = ';

export async function readDatasetContent(versionId: string, url = env().DATABASE_URL): Promise<Buffer | null> {
  if (dbProvider(url) === 'postgres') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ content: Buffer }>(`${SQL}$1`, [versionId]);
      return rows[0]?.content ?? null;
    } finally {
      await client.end();
    }
  }
  const sqlite = new Database(sqlitePath(url), { readonly: true, fileMustExist: true, timeout: 5_000 });
  try {
    const row = sqlite.prepare(`${SQL}?`).get(versionId) as { content: Buffer } | undefined;
    return row?.content ?? null;
  } finally {
    sqlite.close();
  }
}
