// Fills the environment a fresh install lacks: a persistent session secret and the public URL.
// Must run before any module reads env().
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function prepareRuntimeEnv() {
  const dataDir = path.resolve(process.env.VIGIL_DATA_DIR ?? 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  if (!process.env.NEXTAUTH_SECRET) {
    const file = path.join(dataDir, '.nextauth-secret');
    if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
    process.env.NEXTAUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
  }
  process.env.PORT ??= '3000';
  process.env.NEXTAUTH_URL ??= `http://localhost:${process.env.PORT}`;
  process.env.NEXT_TELEMETRY_DISABLED = '1';
}
