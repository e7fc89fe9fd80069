// Starts the real product (scripts/start.ts: migrate, seed, next start + worker) on a fresh SQLite file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OIDC_VIGIL_ENV, startOidcProvider } from './oidc-provider';

/** The operator's shell minus every product setting (VIGIL_*, NEXTAUTH_*, DATABASE_URL, PORT): the run sets its own. */
function shellWithoutProductSettings(): NodeJS.ProcessEnv {
  const harness = /^VIGIL_(TEST|FUZZ)_/;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) =>
    !((name.startsWith('VIGIL_') && !harness.test(name)) || name.startsWith('NEXTAUTH_') || name === 'DATABASE_URL' || name === 'PORT'))) as NodeJS.ProcessEnv;
}

export default async function globalSetup() {
  const port = process.env.E2E_PORT ?? '3210';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-'));
  // Single sign-on needs its identity provider up before Vigil (global-teardown stops it).
  const oidcIssuer = await startOidcProvider(`http://127.0.0.1:${port}`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...shellWithoutProductSettings(),
      PORT: port,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? `file:${path.join(dir, 'e2e.db')}`,
      VIGIL_DATA_DIR: dir,
      VIGIL_DEMO: '1',
      VIGIL_DEMO_TRAFFIC: '0', // specs count their own queue items: no seeded traffic or live trickle
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      ...OIDC_VIGIL_ENV,
      VIGIL_OIDC_ISSUER: oidcIssuer,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  fs.writeFileSync(path.join(os.tmpdir(), 'vigil-e2e.pid'), String(child.pid));
  const until = Date.now() + 600_000; // includes the first build, several minutes on a busy 2-core machine
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vigil exited early with code ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json()).then((h) => h.worker?.ok === true, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('vigil did not become healthy within 600 s');
}
