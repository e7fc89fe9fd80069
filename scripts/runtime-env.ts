// Fills the environment a fresh install lacks (the public URL, a session secret) and keeps the secret out
// of it: web and worker get NEXTAUTH_SECRET_FILE, never NEXTAUTH_SECRET. Must run before anything reads env().
import path from 'node:path';
import fs from 'node:fs';
import { defaultSecretFile, ensureSecretFile, readSecretFile, SECRET_FILE_NAME, writeSecretFile } from '@/lib/server/access/session-secret';

export function prepareRuntimeEnv() {
  const dataDir = path.resolve(process.env.VIGIL_DATA_DIR ?? 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  process.env.NEXTAUTH_SECRET_FILE = secretFileFor(dataDir);
  delete process.env.NEXTAUTH_SECRET;
  process.env.PORT ??= '3000';
  process.env.NEXTAUTH_URL ??= `http://localhost:${process.env.PORT}`;
  process.env.NEXT_TELEMETRY_DISABLED = '1';
}

function secretFileFor(dataDir: string): string {
  const given = process.env.NEXTAUTH_SECRET;
  if (given) {
    // An operator's secret from the environment goes to an owner-only file the children read instead.
    if (given.length < 16) throw new Error('NEXTAUTH_SECRET must be at least 16 characters');
    const file = path.join(dataDir, `${SECRET_FILE_NAME}.runtime`);
    writeSecretFile(file, given);
    return file;
  }
  if (process.env.NEXTAUTH_SECRET_FILE) {
    const file = path.resolve(process.env.NEXTAUTH_SECRET_FILE);
    readSecretFile(file); // fail at start, naming the file, rather than at the first login
    return file;
  }
  const file = defaultSecretFile(dataDir);
  ensureSecretFile(file);
  return file;
}
