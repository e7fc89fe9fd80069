// A bad single sign-on configuration stops Vigil at start with a message naming the variable.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const KEYS = ['ISSUER', 'CLIENT_ID', 'CLIENT_SECRET', 'NAME', 'ROLE_CLAIM', 'ROLE_MAP', 'DEFAULT_ROLE', 'JIT'].map((k) => `VIGIL_OIDC_${k}`);
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

async function loadEnv(vars: Record<string, string>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, vars);
  vi.resetModules(); // env() caches its first parse
  return (await import('@/lib/server/platform/env')).env;
}

const complete = { VIGIL_OIDC_ISSUER: 'https://idp.example/realms/corp', VIGIL_OIDC_CLIENT_ID: 'vigil', VIGIL_OIDC_CLIENT_SECRET: 's3cret-value' };

describe('single sign-on configuration', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => {
    for (const k of KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('is off without the issuer, client id and secret, with the documented defaults', async () => {
    const e = (await loadEnv({}))();
    expect(e.VIGIL_OIDC_ISSUER).toBeUndefined();
    expect(e).toMatchObject({ VIGIL_OIDC_NAME: 'Single sign-on', VIGIL_OIDC_ROLE_CLAIM: 'groups', VIGIL_OIDC_DEFAULT_ROLE: 'viewer', VIGIL_OIDC_JIT: '1' });
    expect(e.VIGIL_OIDC_ROLE_MAP.size).toBe(0);
  });

  it('parses a complete configuration and its role map', async () => {
    const e = (await loadEnv({ ...complete, VIGIL_OIDC_ROLE_MAP: 'vigil-admins=admin,fraud-analysts=analyst', VIGIL_OIDC_DEFAULT_ROLE: 'none', VIGIL_OIDC_JIT: '0' }))();
    expect([...e.VIGIL_OIDC_ROLE_MAP]).toEqual([['vigil-admins', 'admin'], ['fraud-analysts', 'analyst']]);
    expect(e).toMatchObject({ VIGIL_OIDC_DEFAULT_ROLE: 'none', VIGIL_OIDC_JIT: '0' });
  });

  it('refuses a role map entry with an unknown role, naming the variable and the entry', async () => {
    const env = await loadEnv({ ...complete, VIGIL_OIDC_ROLE_MAP: 'vigil-admins=superuser' });
    expect(() => env()).toThrow(/VIGIL_OIDC_ROLE_MAP: entry "vigil-admins=superuser" must be group=role/);
  });

  it('refuses a partial configuration without echoing the secret', async () => {
    const env = await loadEnv({ VIGIL_OIDC_ISSUER: complete.VIGIL_OIDC_ISSUER, VIGIL_OIDC_CLIENT_SECRET: 'do-not-print-me' });
    expect(() => env()).toThrow(/VIGIL_OIDC_CLIENT_ID: single sign-on needs .* together; VIGIL_OIDC_CLIENT_ID missing/);
    expect(() => env()).not.toThrow(/do-not-print-me/);
  });

  it('refuses a default role that is not a role or none, and an issuer that is not an http(s) URL', async () => {
    expect(await loadEnv({ ...complete, VIGIL_OIDC_DEFAULT_ROLE: 'root' })).toThrow(/VIGIL_OIDC_DEFAULT_ROLE/);
    expect(await loadEnv({ ...complete, VIGIL_OIDC_ISSUER: 'ftp://idp.example' })).toThrow(/VIGIL_OIDC_ISSUER/);
  });
});
