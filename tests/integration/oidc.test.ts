// Single sign-on on a real database: claims → role, and claims → the Vigil user (match, link, create, refuse).
import { describe, expect, it } from 'vitest';
import { claimValues, resolveOidcLogin, roleForClaims, userIdForSubject, type OidcSettings } from '@/lib/server/access/oidc';
import { oidcSignIn } from '@/lib/server/access/oidc-provider';
import { db } from '@/lib/server/platform/db';
import { createUser, verifyCredentials } from '@/lib/server/access/users';
import { OidcRoleMap } from '@/lib/schemas/oidc';
import { unique } from './helpers';

const settings = (over: Partial<OidcSettings> = {}): OidcSettings => ({
  roleClaim: 'groups',
  roleMap: OidcRoleMap.parse('vigil-admins=admin, fraud-engineers=engineer,fraud-analysts=analyst'),
  defaultRole: 'viewer',
  jit: true,
  ...over,
});

const person = (over: Record<string, unknown> = {}) => {
  const id = unique('p');
  return { sub: `sub-${id}`, email: `${id}@corp.example`, email_verified: true, name: `Person ${id}`, groups: [] as string[], ...over };
};

const audits = (targetId: string) => db().auditEvent.findMany({ where: { targetId }, orderBy: { at: 'asc' } });

describe('OIDC claims to role', () => {
  it('reads a claim as a string, an array or a dotted path, and ignores non-strings', () => {
    expect(claimValues({ groups: 'a' }, 'groups')).toEqual(['a']);
    expect(claimValues({ groups: ['a', 3, null, 'b', ''] }, 'groups')).toEqual(['a', 'b']);
    expect(claimValues({ realm_access: { roles: ['r1'] } }, 'realm_access.roles')).toEqual(['r1']);
    expect(claimValues({ 'https://vigil.example/roles': ['x'] }, 'https://vigil.example/roles')).toEqual(['x']);
    expect(claimValues({}, 'groups')).toEqual([]);
    expect(claimValues({ groups: { __proto__: ['evil'] } }, 'groups.length')).toEqual([]);
  });

  it('gives the most privileged mapped role, else the default, and refuses when the default is none', () => {
    expect(roleForClaims({ groups: ['fraud-analysts', 'vigil-admins', 'other'] }, settings())).toBe('admin');
    expect(roleForClaims({ groups: ['fraud-analysts', 'fraud-engineers'] }, settings())).toBe('engineer');
    expect(roleForClaims({ groups: 'fraud-analysts' }, settings())).toBe('analyst');
    expect(roleForClaims({ groups: ['marketing'] }, settings())).toBe('viewer');
    expect(roleForClaims({ groups: ['marketing'] }, settings({ defaultRole: 'none' }))).toBeNull();
    expect(roleForClaims({ roles: ['fraud-analysts'] }, settings({ roleClaim: 'roles' }))).toBe('analyst');
  });

  it('refuses a malformed role map with a message naming the entry', () => {
    const bad = OidcRoleMap.safeParse('vigil-admins=root,=analyst,fraud=analyst,fraud=admin');
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message).join('\n');
    expect(messages).toContain('"vigil-admins=root"');
    expect(messages).toContain('"=analyst"');
    expect(messages).toContain('"fraud" is mapped to two roles');
    expect(OidcRoleMap.parse('').size).toBe(0);
    expect(OidcRoleMap.parse('team=ops=engineer').get('team=ops')).toBe('engineer');
  });
});

describe('OIDC users', () => {
  it('creates an unknown person just in time with the mapped role, an unusable password and an audit trail', async () => {
    const p = person({ groups: ['fraud-analysts'] });
    const result = await resolveOidcLogin(p, settings());
    expect(result).toMatchObject({ ok: true, created: true, user: { kind: 'user', role: 'analyst', label: p.email } });
    const row = await db().user.findUniqueOrThrow({ where: { oidcSubject: p.sub } });
    expect(row).toMatchObject({ email: p.email, name: p.name, role: 'analyst', authSource: 'oidc' });
    expect(row.lastLoginAt).toBeInstanceOf(Date);
    expect(row.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(await verifyCredentials(p.email, '')).toBeNull();
    expect(await userIdForSubject(p.sub)).toBe(row.id);
    const trail = await audits(row.id);
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['user.create', 'login.success']));
    expect(trail.find((a) => a.action === 'login.success')!.after).toMatchObject({ method: 'oidc' });
  });

  it('finds the same person by subject next time and re-applies the mapped role', async () => {
    const p = person({ groups: ['fraud-analysts'] });
    const first = await resolveOidcLogin(p, settings());
    const again = await resolveOidcLogin({ ...p, groups: ['fraud-engineers'], email: 'changed@corp.example' }, settings());
    expect(again).toMatchObject({ ok: true, created: false, user: { role: 'engineer', label: p.email } });
    expect(first.ok && again.ok && again.user.id === first.user.id).toBe(true);
    const demoted = await resolveOidcLogin({ ...p, groups: [] }, settings());
    expect(demoted).toMatchObject({ ok: true, user: { role: 'viewer' } });
    const changes = (await audits(first.ok ? first.user.id : '')).filter((a) => a.action === 'user.update');
    expect(changes.map((a) => a.after)).toEqual([{ role: 'engineer', source: 'oidc' }, { role: 'viewer', source: 'oidc' }]);
  });

  it('links an account an admin created beforehand by verified email, also without just-in-time creation', async () => {
    const p = person({ groups: ['vigil-admins'] });
    const made = await createUser({ email: p.email.toUpperCase(), name: 'Made by admin', role: 'viewer', password: 'correct horse battery' });
    const result = await resolveOidcLogin({ ...p, email: p.email.toUpperCase() }, settings({ jit: false }));
    expect(result).toMatchObject({ ok: true, created: false, user: { id: made.id, role: 'admin' } });
    const row = await db().user.findUniqueOrThrow({ where: { id: made.id } });
    expect(row).toMatchObject({ oidcSubject: p.sub, authSource: 'password', name: 'Made by admin' });
  });

  it('refuses to link by an email the provider did not verify', async () => {
    const p = person({ email_verified: false, groups: ['vigil-admins'] });
    const made = await createUser({ email: p.email, name: 'Victim', role: 'viewer', password: 'correct horse battery' });
    expect(await resolveOidcLogin(p, settings())).toEqual({ ok: false, reason: 'sso_unverified_email', userId: made.id });
    const { email_verified: _dropped, ...noClaim } = p;
    expect(await resolveOidcLogin(noClaim, settings())).toMatchObject({ ok: false, reason: 'sso_unverified_email' });
    expect((await db().user.findUniqueOrThrow({ where: { id: made.id } })).oidcSubject).toBeNull();
    expect(await resolveOidcLogin({ ...p, email_verified: 'true' }, settings())).toMatchObject({ ok: true, user: { id: made.id } });
  });

  it('refuses an email whose account is linked to another subject', async () => {
    const p = person();
    await resolveOidcLogin(p, settings());
    expect(await resolveOidcLogin({ ...p, sub: `${p.sub}-other` }, settings())).toMatchObject({ ok: false, reason: 'sso_linked' });
  });

  it('refuses an unknown person when just-in-time creation is off, and creates nobody', async () => {
    const p = person({ groups: ['fraud-analysts'] });
    expect(await resolveOidcLogin(p, settings({ jit: false }))).toEqual({ ok: false, reason: 'sso_unknown_user' });
    expect(await db().user.count({ where: { email: p.email } })).toBe(0);
    const failures = await db().auditEvent.findMany({ where: { action: 'login.failure' } });
    expect(failures.map((f) => f.after)).toContainEqual({ method: 'oidc', reason: 'sso_unknown_user', email: p.email });
  });

  it('refuses a person without a mapped group when the default role is none', async () => {
    const p = person({ groups: ['marketing'] });
    expect(await resolveOidcLogin(p, settings({ defaultRole: 'none' }))).toEqual({ ok: false, reason: 'sso_no_role' });
    expect(await db().user.count({ where: { email: p.email } })).toBe(0);
  });

  it('refuses a disabled user even with an admin group', async () => {
    const p = person({ groups: ['vigil-admins'] });
    const first = await resolveOidcLogin(p, settings());
    const id = first.ok ? first.user.id : '';
    await db().user.update({ where: { id }, data: { disabledAt: new Date() } });
    expect(await resolveOidcLogin(p, settings())).toEqual({ ok: false, reason: 'sso_disabled', userId: id });
    expect(await userIdForSubject(p.sub)).toBeUndefined();
  });

  it('refuses identities it cannot store: no email to create with, a NUL byte, an over-long subject', async () => {
    const p = person();
    expect(await resolveOidcLogin({ ...p, email: undefined }, settings())).toEqual({ ok: false, reason: 'sso_no_email' });
    expect(await resolveOidcLogin({ ...p, email: 'not an email' }, settings())).toEqual({ ok: false, reason: 'sso_no_email' });
    expect(await resolveOidcLogin({ ...p, sub: 'a\0b' }, settings())).toEqual({ ok: false, reason: 'sso_bad_identity' });
    expect(await resolveOidcLogin({ ...p, sub: 'x'.repeat(300) }, settings())).toEqual({ ok: false, reason: 'sso_bad_identity' });
    expect(await resolveOidcLogin({ ...p, sub: 42 }, settings())).toEqual({ ok: false, reason: 'sso_bad_identity' });
    const named = await resolveOidcLogin({ ...p, name: 'bad\0name', preferred_username: 'pat' }, settings());
    expect(named).toMatchObject({ ok: true, user: { name: 'pat' } });
  });

  it('creates one user when the same person signs in twice at once', async () => {
    const p = person({ groups: ['fraud-analysts'] });
    const results = await Promise.all([resolveOidcLogin(p, settings()), resolveOidcLogin(p, settings()), resolveOidcLogin(p, settings())]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.user.id : null))).size).toBe(1);
    expect(await db().user.count({ where: { oidcSubject: p.sub } })).toBe(1);
  });

  it('answers next-auth with a login-page path carrying a code, never an internal message', async () => {
    expect(await oidcSignIn({ email: 'x@corp.example' })).toBe('/login?error=sso_bad_identity');
    expect(await oidcSignIn(undefined)).toBe('/login?error=sso_bad_identity');
    const exploding = { get sub(): string { throw new Error('connection refused at 10.0.0.5:5432'); } };
    expect(await oidcSignIn(exploding)).toBe('/login?error=Callback');
  });
});
