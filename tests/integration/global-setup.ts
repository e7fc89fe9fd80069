// One fresh database per integration run: a temp SQLite file, or a uniquely named Postgres database
// that is dropped afterwards. VIGIL_TEST_DB picks the provider (sqlite | postgres).
import type { TestProject } from 'vitest/node';
import { migrate } from '../../lib/server/platform/migrations';
import { freshDatabase } from './fresh-database';

declare module 'vitest' {
  export interface ProvidedContext { databaseUrl: string; provider: string }
}

export default async function setup(project: TestProject) {
  const provider = process.env.VIGIL_TEST_DB ?? 'sqlite';
  const { url, drop: teardown } = await freshDatabase(provider, 'vigil_test');
  await migrate(url);
  project.provide('databaseUrl', url);
  project.provide('provider', provider);
  console.log(`integration tests on ${provider}: ${url}`);
  return teardown;
}
