// An empty database of its own for a test run or a test: a temp SQLite file, or a uniquely named Postgres database
// made through the admin connection; drop() removes it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const PG_ADMIN_URL = process.env.VIGIL_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(provider: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const suffix = `${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  if (provider === 'postgres') {
    const name = `${prefix}_${suffix}`;
    await admin(`CREATE DATABASE "${name}"`);
    const u = new URL(PG_ADMIN_URL);
    u.pathname = `/${name}`;
    return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix.replace(/_/g, '-')}-`));
  return { url: `file:${path.join(dir, 'test.db')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}
