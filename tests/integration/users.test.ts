import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/platform/db';
import { bootstrapAdmin, createUser, DEMO_PASSWORD, DEMO_USERS, seedDemoUsers, verifyCredentials } from '@/lib/server/access/users';
import { retireDemoAccounts } from '@/lib/server/access/users-admin';
import { createToken, principalForToken } from '@/lib/server/access/tokens';
import { unique } from './helpers';

const DEMO_VARS = ['VIGIL_DEMO', 'NEXTAUTH_URL', 'VIGIL_ADMIN_EMAIL', 'VIGIL_ADMIN_PASSWORD'] as const;

describe('users', () => {
  afterEach(async () => {
    for (const name of DEMO_VARS) delete process.env[name];
    await db().apiToken.updateMany({ data: { createdById: null } });
  });

  it('creates the first admin with a generated password, to be changed at first login, only on an empty user table', async () => {
    await db().user.deleteMany({});
    const first = await bootstrapAdmin();
    expect(first?.generatedPassword).toMatch(/^[\w-]{12,}$/);
    expect(await verifyCredentials(first!.email, first!.generatedPassword!)).toMatchObject({ role: 'admin' });
    expect((await db().user.findUniqueOrThrow({ where: { email: first!.email } })).mustChangePassword).toBe(true);
    expect(await bootstrapAdmin()).toBeNull();
  });

  it("keeps an operator's VIGIL_ADMIN_PASSWORD without forcing a change", async () => {
    await db().user.deleteMany({});
    process.env.VIGIL_ADMIN_EMAIL = 'ops@example.com';
    process.env.VIGIL_ADMIN_PASSWORD = 'operator-chosen-1';
    expect(await bootstrapAdmin()).toEqual({ email: 'ops@example.com', generatedPassword: undefined });
    const row = await db().user.findUniqueOrThrow({ where: { email: 'ops@example.com' } });
    expect(row.mustChangePassword).toBe(false);
    expect(await verifyCredentials('ops@example.com', 'operator-chosen-1')).not.toBeNull();
  });

  it('adds one demo user per role, idempotently', async () => {
    await seedDemoUsers();
    expect(await seedDemoUsers()).toBe(0);
    for (const u of DEMO_USERS) {
      expect(await verifyCredentials(u.email, DEMO_PASSWORD)).toMatchObject({ kind: 'user', role: u.role });
    }
  });

  it('refuses demo accounts outside demo mode: VIGIL_DEMO=0, or a public NEXTAUTH_URL without VIGIL_DEMO=1', async () => {
    await seedDemoUsers();
    const [admin] = DEMO_USERS;
    process.env.VIGIL_DEMO = '0';
    expect(await verifyCredentials(admin.email, DEMO_PASSWORD)).toBeNull();
    delete process.env.VIGIL_DEMO;
    process.env.NEXTAUTH_URL = 'https://vigil.example.com';
    expect(await verifyCredentials(admin.email, DEMO_PASSWORD)).toBeNull();
    process.env.VIGIL_DEMO = '1';
    expect(await verifyCredentials(admin.email, DEMO_PASSWORD)).not.toBeNull();
    delete process.env.VIGIL_DEMO;
    process.env.NEXTAUTH_URL = 'http://127.0.0.1:3000';
    expect(await verifyCredentials(admin.email, DEMO_PASSWORD)).not.toBeNull();
  });

  it('disables demo accounts and revokes their tokens when started outside demo mode; demo mode enables them again', async () => {
    await createUser({ email: `${unique('keeper')}@example.com`, name: 'K', role: 'admin', password: 'keeper-password' });
    await seedDemoUsers();
    const demoAdmin = await db().user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email } });
    const token = await createToken({ name: unique('demo'), role: 'admin' }, { kind: 'user', id: demoAdmin.id, label: demoAdmin.email, name: demoAdmin.name, role: 'admin' });
    expect(await principalForToken(token.token)).toMatchObject({ role: 'admin' });
    process.env.VIGIL_DEMO = '0';
    expect(await retireDemoAccounts()).toBeGreaterThanOrEqual(1);
    const after = await db().user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } });
    expect(after.every((u) => u.disabledAt && u.sessionsValidFrom)).toBe(true);
    await expect(principalForToken(token.token)).rejects.toMatchObject({ code: 'token_revoked' });
    process.env.VIGIL_DEMO = '1';
    await seedDemoUsers();
    expect(await verifyCredentials(DEMO_USERS[1].email, DEMO_PASSWORD)).not.toBeNull();
  });

  it('rejects a wrong password, an unknown email and a disabled user, and stamps the last login', async () => {
    const email = `${unique('u')}@example.com`;
    const user = await createUser({ email, name: 'U', role: 'viewer', password: 'correct horse' });
    expect(await verifyCredentials(email, 'wrong')).toBeNull();
    expect(await verifyCredentials('nobody@example.com', 'x')).toBeNull();
    expect(await verifyCredentials(email.toUpperCase(), 'correct horse')).not.toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await verifyCredentials(email, 'correct horse')).toBeNull();
  });
});
