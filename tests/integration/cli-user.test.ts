// vigil user create | set-role | disable | reset-password against the test database.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/server/platform/db';
import { createToken, principalForToken } from '@/lib/server/access/tokens';
import { verifyCredentials } from '@/lib/server/access/users';
import { run } from '@/scripts/cli/user';
import { unique } from './helpers';

let out: string[] = [];
function capture() {
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => { out.push(args.join(' ')); });
}
afterEach(() => vi.restoreAllMocks());
const lastLine = () => out.at(-1) ?? '';

describe('vigil user', () => {
  it('creates a user with a generated password printed once on the last line, to be changed at first sign-in', async () => {
    const email = `${unique('cli')}@example.com`;
    capture();
    expect(await run(['create', '--email', email, '--name', 'Cli User', '--role', 'engineer'])).toBe(0);
    const password = lastLine();
    expect(password).toMatch(/^[\w-]{16}$/);
    expect(await verifyCredentials(email, password)).toMatchObject({ role: 'engineer' });
    expect((await db().user.findUniqueOrThrow({ where: { email } })).mustChangePassword).toBe(true);
  });

  it('creates a user with a chosen password, without printing one or forcing a change', async () => {
    const email = `${unique('cli')}@example.com`;
    capture();
    expect(await run(['create', '--email', email, '--name', 'Chosen', '--role', 'viewer', '--password', 'chosen-password-1'])).toBe(0);
    expect(out.join('\n')).not.toContain('chosen-password-1');
    expect((await db().user.findUniqueOrThrow({ where: { email } })).mustChangePassword).toBe(false);
  });

  it('sets a role, disables (revoking their tokens) and resets a password', async () => {
    const email = `${unique('cli')}@example.com`;
    capture();
    await run(['create', '--email', email, '--name', 'Target', '--role', 'viewer', '--password', 'first-password-1']);
    expect(await run(['set-role', email.toUpperCase(), 'analyst'])).toBe(0);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe('analyst');

    expect(await run(['reset-password', email])).toBe(0);
    expect(await verifyCredentials(email, 'first-password-1')).toBeNull();
    expect(await verifyCredentials(email, lastLine())).not.toBeNull();

    const token = await createToken({ name: unique('t'), role: 'analyst' }, { kind: 'user', id: user.id, label: email, name: 'Target', role: 'analyst' });
    expect(await run(['disable', email])).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { email } })).disabledAt).not.toBeNull();
    await expect(principalForToken(token.token)).rejects.toMatchObject({ code: 'token_revoked' });
  });

  it('fails with one readable line for bad input, unknown users and duplicates', async () => {
    capture();
    await expect(run(['create', '--email', 'not-an-email', '--name', 'X', '--role', 'admin'])).rejects.toThrow(/email: Enter a valid email address/);
    await expect(run(['create', '--email', `${unique('c')}@example.com`, '--name', 'X', '--role', 'boss'])).rejects.toThrow(/role/);
    await expect(run(['create', '--email', `${unique('c')}@example.com`, '--name', 'X', '--role', 'viewer', '--password', 'short'])).rejects.toThrow(/at least 10 characters/);
    await expect(run(['set-role', 'nobody@example.com', 'viewer'])).rejects.toThrow('user set-role: User nobody@example.com not found.');
    await expect(run(['set-role', 'nobody@example.com', 'boss'])).rejects.toThrow(/must be one of/);
    await expect(run(['frobnicate'])).rejects.toThrow(/usage: vigil user create/);
    const email = `${unique('dup')}@example.com`;
    await run(['create', '--email', email, '--name', 'D', '--role', 'viewer']);
    await expect(run(['create', '--email', email, '--name', 'D', '--role', 'viewer'])).rejects.toThrow(/already exists/);
  });
});
