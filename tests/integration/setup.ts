// Runs before each test file's imports: point every lib/server module at the run's database, and make the
// run independent of the operator's shell (an exported VIGIL_ADMIN_PASSWORD or VIGIL_DEMO=0 must not change results).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

// Test-harness knobs (VIGIL_TEST_*, VIGIL_FUZZ_*) stay; every product setting starts from its default.
const HARNESS = /^VIGIL_(TEST|FUZZ)_/;
for (const name of Object.keys(process.env)) {
  if ((name.startsWith('VIGIL_') && !HARNESS.test(name)) || name.startsWith('NEXTAUTH_') || name === 'PORT') delete process.env[name];
}

process.env.DATABASE_URL = inject('databaseUrl');
process.env.LOG_LEVEL = 'warn';
process.env.NEXTAUTH_SECRET = 'integration-test-secret-0123456789';
process.env.VIGIL_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-it-data-'));
process.on('exit', () => fs.rmSync(process.env.VIGIL_DATA_DIR!, { recursive: true, force: true }));
