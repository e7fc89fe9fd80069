// People management through the route handlers (admin tokens) and the service: roles, the last admin,
// disabling (sessions and tokens end at once), password resets and one's own password change.
import { describe, expect, it } from 'vitest';
import * as users from '@/app/api/users/route';
import * as userById from '@/app/api/users/[id]/route';
import * as reset from '@/app/api/users/[id]/password-reset/route';
import * as account from '@/app/api/account/password/route';
import { activeSessionUser } from '@/lib/server/access/session-user';
import { changeOwnPassword, createUserAsAdmin, updateUser } from '@/lib/server/access/users-admin';
import { db } from '@/lib/server/platform/db';
import type { Principal } from '@/lib/server/access/principal';
import { createToken, principalForToken } from '@/lib/server/access/tokens';
import { userPrincipal, verifyCredentials } from '@/lib/server/access/users';
import { params, request, tokenFor, unique } from './helpers';

const body = async (res: Response) => ({ status: res.status, json: await res.json() });
const noCtx = params({});
const email = () => `${unique('p')}@example.com`;

async function onlyAdmin(): Promise<Principal> {
  // A table with exactly one active admin.
  await db().user.updateMany({ where: { role: 'admin' }, data: { disabledAt: new Date() } });
  const row = await db().user.create({ data: { email: email(), name: 'Sole Admin', role: 'admin', passwordHash: 'x' } });
  return userPrincipal(row);
}

describe('users API', () => {
  it('creates a user with a temporary password shown once, which must be changed at first sign-in', async () => {
    const admin = await tokenFor('admin');
    const address = email();
    const created = await body(await users.POST(request('POST', '/api/users', { token: admin, body: { email: address.toUpperCase(), name: 'Nia New', role: 'analyst' } }), noCtx));
    expect(created.status).toBe(201);
    expect(created.json.user).toMatchObject({ email: address, role: 'analyst', disabled: false, mustChangePassword: true, authSource: 'password', lastLoginAt: null });
    expect(created.json.temporaryPassword).toMatch(/^[\w-]{16}$/);
    expect(await verifyCredentials(address, created.json.temporaryPassword)).toMatchObject({ role: 'analyst' });
    const listed = await body(await users.GET(request('GET', '/api/users', { token: admin }), noCtx));
    expect(listed.json.users.find((u: { email: string }) => u.email === address)).not.toHaveProperty('temporaryPassword');
    expect(JSON.stringify(await db().user.findUniqueOrThrow({ where: { email: address } }))).not.toContain(created.json.temporaryPassword);

    const again = await body(await users.POST(request('POST', '/api/users', { token: admin, body: { email: address, name: 'Twin', role: 'viewer' } }), noCtx));
    expect(again).toMatchObject({ status: 409, json: { error: { code: 'conflict' } } });
    const short = await body(await users.POST(request('POST', '/api/users', { token: admin, body: { email: email(), name: 'S', role: 'viewer', password: 'short' } }), noCtx));
    expect(short).toMatchObject({ status: 400, json: { error: { fields: { password: ['Use at least 10 characters.'] } } } });
  });

  it('is for admins only, with a message written for people', async () => {
    for (const role of ['engineer', 'analyst', 'viewer'] as const) {
      const res = await body(await users.GET(request('GET', '/api/users', { token: await tokenFor(role) }), noCtx));
      expect(res).toEqual({ status: 403, json: { error: { code: 'forbidden', message: `Your role (${role}) cannot manage users.` } } });
    }
    expect((await users.GET(request('GET', '/api/users'), noCtx)).status).toBe(401);
  });

  it('changes name and role, answers 404 for an unknown user and 400 for an empty or unknown change', async () => {
    const admin = await tokenFor('admin');
    const { user } = await createUserAsAdmin({ email: email(), name: 'Ro', role: 'viewer', password: 'long-enough-1' }, null);
    const put = (id: string, b: object) => userById.PUT(request('PUT', `/api/users/${id}`, { token: admin, body: b }), params({ id }));
    expect(await body(await put(user.id, { role: 'engineer', name: 'Ro Berta' }))).toMatchObject({ status: 200, json: { role: 'engineer', name: 'Ro Berta' } });
    expect((await body(await userById.GET(request('GET', `/api/users/${user.id}`, { token: admin }), params({ id: user.id })))).json.role).toBe('engineer');
    expect((await put('no-such-user', { role: 'viewer' })).status).toBe(404);
    expect((await put(user.id, {})).status).toBe(400);
    expect((await body(await put(user.id, { password: 'x' }))).json.error.fields).toHaveProperty('password');
  });

  it('refuses to demote or disable the last active admin (409), and allows it once another admin exists', async () => {
    const sole = await onlyAdmin();
    await expect(updateUser(sole.id, { role: 'viewer' }, sole)).rejects.toMatchObject({ status: 409, message: expect.stringContaining('last active admin') });
    await expect(updateUser(sole.id, { disabled: true }, sole)).rejects.toMatchObject({ status: 409 });
    const res = await body(await userById.PUT(request('PUT', `/api/users/${sole.id}`, { token: await tokenFor('admin'), body: { disabled: true } }), params({ id: sole.id })));
    expect(res).toMatchObject({ status: 409, json: { error: { code: 'conflict', message: expect.stringContaining('Make another user an admin first') } } });
    const { user: second } = await createUserAsAdmin({ email: email(), name: 'Second', role: 'admin', password: 'long-enough-2' }, sole);
    expect((await updateUser(sole.id, { role: 'engineer' }, sole)).role).toBe('engineer');
    // Now the second is the last one.
    await expect(updateUser(second.id, { disabled: true }, null)).rejects.toMatchObject({ status: 409 });
  });

  it('disabling ends the sessions and revokes the tokens the user created, even cached ones, at once', async () => {
    const { user } = await createUserAsAdmin({ email: email(), name: 'Di', role: 'admin', password: 'long-enough-3' }, null);
    const signedInAt = Date.now() - 1000;
    expect(await activeSessionUser(user.id, signedInAt)).toMatchObject({ principal: { id: user.id }, mustChangePassword: false });
    const asUser: Principal = { kind: 'user', id: user.id, label: user.email, name: user.name, role: 'admin' };
    const token = await createToken({ name: unique('mine'), role: 'engineer' }, asUser);
    const other = await createToken({ name: unique('other'), role: 'engineer' }, null);
    expect(await principalForToken(token.token)).toMatchObject({ role: 'engineer' }); // now cached for 5 s
    const res = await body(await userById.PUT(request('PUT', `/api/users/${user.id}`, { token: await tokenFor('admin'), body: { disabled: true } }), params({ id: user.id })));
    expect(res).toMatchObject({ status: 200, json: { disabled: true } });
    expect(await activeSessionUser(user.id, signedInAt)).toBeNull();
    expect(await activeSessionUser(user.id, Date.now() + 1000)).toBeNull();
    await expect(principalForToken(token.token)).rejects.toMatchObject({ status: 401, code: 'token_revoked' });
    expect(await principalForToken(other.token)).toMatchObject({ kind: 'token' });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { targetType: 'user', targetId: user.id, action: 'user.disable' } });
    expect(audit.after).toMatchObject({ disabled: true, tokensRevoked: 1 });
    expect(await body(await userById.PUT(request('PUT', `/api/users/${user.id}`, { token: await tokenFor('admin'), body: { disabled: false } }), params({ id: user.id })))).toMatchObject({ json: { disabled: false } });
    expect(await activeSessionUser(user.id, signedInAt)).toBeNull(); // re-enabling does not revive old sessions
    expect(await activeSessionUser(user.id, Date.now() + 1000)).not.toBeNull();
  });

  it('a password reset returns a temporary password once, ends sessions, and requires a change', async () => {
    const address = email();
    const { user } = await createUserAsAdmin({ email: address, name: 'Re', role: 'viewer', password: 'original-pass' }, null);
    const before = Date.now() - 1000;
    const res = await body(await reset.POST(request('POST', `/api/users/${user.id}/password-reset`, { token: await tokenFor('admin') }), params({ id: user.id })));
    expect(res.status).toBe(200);
    expect(res.json.user.mustChangePassword).toBe(true);
    expect(await verifyCredentials(address, 'original-pass')).toBeNull();
    expect(await verifyCredentials(address, res.json.temporaryPassword)).not.toBeNull();
    expect(await activeSessionUser(user.id, before)).toBeNull();
    expect(await activeSessionUser(user.id, Date.now() + 1000)).toMatchObject({ mustChangePassword: true });
    expect((await reset.POST(request('POST', '/api/users/nope/password-reset', { token: await tokenFor('admin') }), params({ id: 'nope' }))).status).toBe(404);
  });

  it('changing one\'s own password checks the current one, clears the required change and ends older sessions', async () => {
    const address = email();
    const { user, temporaryPassword } = await createUserAsAdmin({ email: address, name: 'Ow', role: 'analyst' }, null);
    const me: Principal = { kind: 'user', id: user.id, label: address, name: 'Ow', role: 'analyst' };
    const signedIn = Date.now() - 1000;
    await expect(changeOwnPassword(me, { currentPassword: 'wrong-one', newPassword: 'brand-new-pass', confirmPassword: 'brand-new-pass' }))
      .rejects.toMatchObject({ status: 400, code: 'wrong_password', fields: { currentPassword: expect.any(Array) } });
    const changed = await changeOwnPassword(me, { currentPassword: temporaryPassword!, newPassword: 'brand-new-pass', confirmPassword: 'brand-new-pass' });
    expect(changed.mustChangePassword).toBe(false);
    expect(await verifyCredentials(address, 'brand-new-pass')).not.toBeNull();
    expect(await activeSessionUser(user.id, signedIn)).toBeNull();
    const actions = (await db().auditEvent.findMany({ where: { targetType: 'user', targetId: user.id }, orderBy: { at: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['user.create', 'user.password.change']);
  });

  it('the account route is for signed-in people: 403 for tokens, 401 without a session', async () => {
    const viaToken = await body(await account.POST(request('POST', '/api/account/password', { token: await tokenFor('viewer'), body: {} }), noCtx));
    expect(viaToken).toMatchObject({ status: 403, json: { error: { code: 'session_required' } } });
    expect((await account.POST(request('POST', '/api/account/password', { body: {} }), noCtx)).status).toBe(401);
  });
});
