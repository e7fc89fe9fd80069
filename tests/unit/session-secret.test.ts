// The session secret travels by file, never through the environment npm start hands to web and worker.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureSecretFile, sessionSecret } from '@/lib/server/access/session-secret';
import { prepareRuntimeEnv } from '@/scripts/runtime-env';

const KEYS = ['NEXTAUTH_SECRET', 'NEXTAUTH_SECRET_FILE', 'VIGIL_DATA_DIR', 'PORT', 'NEXTAUTH_URL'] as const;
let saved: Record<string, string | undefined> = {};
let dir = '';
const mode = (file: string) => fs.statSync(file).mode & 0o777;

beforeEach(() => {
  saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  for (const k of KEYS) delete process.env[k];
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-secret-'));
  process.env.VIGIL_DATA_DIR = dir;
});

afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm start’s runtime environment', () => {
  it('moves an operator’s NEXTAUTH_SECRET into an owner-only file and out of the environment children inherit', () => {
    process.env.NEXTAUTH_SECRET = 'operator-secret-0123456789abcdef';
    prepareRuntimeEnv();
    expect(process.env.NEXTAUTH_SECRET).toBeUndefined();
    const file = process.env.NEXTAUTH_SECRET_FILE!;
    expect(path.dirname(file)).toBe(dir);
    expect(fs.readFileSync(file, 'utf8')).toBe('operator-secret-0123456789abcdef');
    expect(mode(file)).toBe(0o600);
    expect(sessionSecret()).toBe('operator-secret-0123456789abcdef');
  });

  it('generates the secret once into VIGIL_DATA_DIR/.nextauth-secret (0600) and keeps it across starts', () => {
    prepareRuntimeEnv();
    const file = path.join(dir, '.nextauth-secret');
    expect(process.env.NEXTAUTH_SECRET_FILE).toBe(file);
    expect(process.env.NEXTAUTH_SECRET).toBeUndefined();
    expect(mode(file)).toBe(0o600);
    const first = fs.readFileSync(file, 'utf8');
    expect(first.length).toBeGreaterThanOrEqual(32);
    prepareRuntimeEnv();
    expect(fs.readFileSync(file, 'utf8')).toBe(first);
    expect(sessionSecret()).toBe(first);
  });

  it('uses NEXTAUTH_SECRET_FILE as given, and refuses to start when it cannot be read, naming the file only', () => {
    const file = path.join(dir, 'mounted-secret');
    fs.writeFileSync(file, 'mounted-secret-value-0123456789\n', { mode: 0o600 });
    process.env.NEXTAUTH_SECRET_FILE = file;
    prepareRuntimeEnv();
    expect(process.env.NEXTAUTH_SECRET_FILE).toBe(file);
    expect(sessionSecret()).toBe('mounted-secret-value-0123456789');

    fs.writeFileSync(file, 'short');
    process.env.NEXTAUTH_SECRET_FILE = file;
    expect(() => prepareRuntimeEnv()).toThrow(/mounted-secret is shorter than 16/);
    expect(() => prepareRuntimeEnv()).not.toThrow(/short$/);
    process.env.NEXTAUTH_SECRET_FILE = path.join(dir, 'missing');
    expect(() => prepareRuntimeEnv()).toThrow(/Cannot read the session secret file .*missing: ENOENT/);
  });
});

describe('sessionSecret', () => {
  it('falls back to NEXTAUTH_SECRET when no file is configured (tests, next dev)', () => {
    process.env.NEXTAUTH_SECRET = 'from-the-environment-0123456789';
    expect(sessionSecret()).toBe('from-the-environment-0123456789');
  });

  it('tightens a generated file that someone made readable to others', () => {
    const file = path.join(dir, 'loose');
    fs.writeFileSync(file, 'loose-secret-0123456789abcdef', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    expect(ensureSecretFile(file)).toBe('loose-secret-0123456789abcdef');
    expect(mode(file)).toBe(0o600);
  });

  it('is what next-auth signs sessions with, read at request time', async () => {
    const file = path.join(dir, 'signing');
    fs.writeFileSync(file, 'signing-secret-0123456789abcdef', { mode: 0o600 });
    process.env.NEXTAUTH_SECRET_FILE = file;
    const { authOptions } = await import('@/lib/server/access/auth');
    expect(authOptions.secret).toBe('signing-secret-0123456789abcdef');
  });
});
