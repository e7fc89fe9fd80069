import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stopOidcProvider } from './oidc-provider';

export default async function globalTeardown() {
  await stopOidcProvider();
  const file = path.join(os.tmpdir(), 'vigil-e2e.pid');
  if (!fs.existsSync(file)) return;
  const pid = Number(fs.readFileSync(file, 'utf8'));
  try {
    process.kill(-pid, 'SIGTERM'); // the whole group: launcher, web and worker
  } catch {
    /* already gone */
  }
  fs.rmSync(file);
}
