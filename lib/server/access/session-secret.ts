// The key that signs session cookies. It lives in a file (mode 0600), never in the web process's
// environment: /proc/self/environ is readable by anything that can read a file as the server's user.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SECRET_FILE_NAME = '.nextauth-secret';
const MIN_LENGTH = 16;

export const defaultSecretFile = (dataDir = process.env.VIGIL_DATA_DIR ?? 'data') => path.resolve(dataDir, SECRET_FILE_NAME);

/** Reads a secret file; the error names the file, never its content. */
export function readSecretFile(file: string): string {
  let secret: string;
  try {
    secret = fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    throw new Error(`Cannot read the session secret file ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (secret.length < MIN_LENGTH) throw new Error(`The session secret in ${file} is shorter than ${MIN_LENGTH} characters`);
  return secret;
}

/** Writes `secret` to `file` readable by the owner only (replacing what was there). */
export function writeSecretFile(file: string, secret: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, secret, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Creates the file with a random secret unless it exists (two processes racing both end up reading one). */
export function ensureSecretFile(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return readSecretFile(file);
}

let cached: { key: string; secret: string } | undefined;

/**
 * The session secret, read once per process: NEXTAUTH_SECRET_FILE if set (npm start always sets it);
 * else NEXTAUTH_SECRET (tests, `next dev`); else VIGIL_DATA_DIR/.nextauth-secret, created on first use.
 * Rotating means replacing the file and restarting.
 */
export function sessionSecret(): string {
  const file = process.env.NEXTAUTH_SECRET_FILE;
  const fromEnv = process.env.NEXTAUTH_SECRET;
  const key = file ? `file:${file}` : fromEnv ? 'env' : `default:${defaultSecretFile()}`;
  if (cached?.key === key) return cached.secret;
  let secret: string;
  if (file) secret = readSecretFile(path.resolve(file));
  else if (fromEnv && fromEnv.length >= MIN_LENGTH) secret = fromEnv;
  else if (fromEnv) throw new Error(`NEXTAUTH_SECRET is shorter than ${MIN_LENGTH} characters`);
  else secret = ensureSecretFile(defaultSecretFile());
  cached = { key, secret };
  return secret;
}
