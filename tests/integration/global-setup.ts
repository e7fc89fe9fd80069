// One fresh database per integration run: a temp SQLite file, or a uniquely named Postgres database
// that is dropped afterwards. VIGIL_TEST_DB picks the provider (sqlite | postgres).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../lib/server/platform/migrations';

const PG_ADMIN_URL = process.env.VIGIL_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext { databaseUrl: string; provider: string }
}

export default async function setup(project: TestProject) {
  const provider = process.env.VIGIL_TEST_DB ?? 'sqlite';
  const suffix = `${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  let url: string;
  let teardown: () => Promise<void>;
  if (provider === 'postgres') {
    const name = `vigil_test_${suffix}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const base = new URL(PG_ADMIN_URL);
    base.pathname = `/${name}`;
    url = base.toString();
    teardown = async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-test-'));
    url = `file:${path.join(dir, 'test.db')}`;
    teardown = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  await migrate(url);
  project.provide('databaseUrl', url);
  project.provide('provider', provider);
  console.log(`integration tests on ${provider}: ${url}`);
  return teardown;
}
