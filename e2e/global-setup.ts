// Starts the real product (scripts/start.ts: migrate, seed, next start + worker) on a fresh SQLite file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OIDC_VIGIL_ENV, startOidcProvider } from './oidc-provider';
import { startVigil } from './vigil-server';

export default async function globalSetup() {
  const port = process.env.E2E_PORT ?? '3210';
  // Single sign-on needs its identity provider up before Vigil (global-teardown stops it).
  const oidcIssuer = await startOidcProvider(`http://127.0.0.1:${port}`);
  const { child } = await startVigil({
    port,
    databaseUrl: process.env.E2E_DATABASE_URL,
    env: {
      VIGIL_DEMO_TRAFFIC: '0', // specs count their own queue items: no seeded traffic or live trickle
      ...OIDC_VIGIL_ENV,
      VIGIL_OIDC_ISSUER: oidcIssuer,
    },
  });
  fs.writeFileSync(path.join(os.tmpdir(), 'vigil-e2e.pid'), String(child.pid));
}
