import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { bootstrapAdmin, createUser, DEMO_PASSWORD, DEMO_USERS, seedDemoUsers, verifyCredentials } from '@/lib/server/users';
import { unique } from './helpers';

describe('users', () => {
  afterEach(async () => {
    await db().apiToken.updateMany({ data: { createdById: null } });
  });

  it('creates the first admin with a generated password only on an empty user table', async () => {
    await db().user.deleteMany({});
    const first = await bootstrapAdmin();
    expect(first?.generatedPassword).toMatch(/^[\w-]{12,}$/);
    expect(await verifyCredentials(first!.email, first!.generatedPassword!)).toMatchObject({ role: 'admin' });
    expect(await bootstrapAdmin()).toBeNull();
  });

  it('adds one demo user per role, idempotently', async () => {
    await seedDemoUsers();
    expect(await seedDemoUsers()).toBe(0);
    for (const u of DEMO_USERS) {
      expect(await verifyCredentials(u.email, DEMO_PASSWORD)).toMatchObject({ kind: 'user', role: u.role });
    }
  });

  it('rejects a wrong password, an unknown email and a disabled user', async () => {
    const email = `${unique('u')}@example.com`;
    const user = await createUser({ email, name: 'U', role: 'viewer', password: 'correct horse' });
    expect(await verifyCredentials(email, 'wrong')).toBeNull();
    expect(await verifyCredentials('nobody@example.com', 'x')).toBeNull();
    expect(await verifyCredentials(email.toUpperCase(), 'correct horse')).not.toBeNull();
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await verifyCredentials(email, 'correct horse')).toBeNull();
  });
});
