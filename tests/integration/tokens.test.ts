import { describe, expect, it } from 'vitest';
import { db } from '@/lib/server/platform/db';
import { ApiError } from '@/lib/server/platform/http';
import { createToken, hashToken, listTokens, principalForToken, revokeToken } from '@/lib/server/access/tokens';
import { unique } from './helpers';

describe('API tokens', () => {
  it('shows the secret once and stores only its hash', async () => {
    const created = await createToken({ name: unique('svc'), role: 'analyst' }, null);
    expect(created.token).toMatch(/^vgl_[\w-]{30,}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const listed = (await listTokens()).find((t) => t.id === created.id)!;
    expect(listed).not.toHaveProperty('token');
    expect(created.token.startsWith(listed.prefix)).toBe(true);
  });

  it('resolves a valid token to its role and stamps last use', async () => {
    const created = await createToken({ name: unique('svc'), role: 'engineer' }, null);
    const who = await principalForToken(created.token);
    expect(who).toMatchObject({ kind: 'token', id: created.id, role: 'engineer' });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();
  });

  it('rejects unknown, revoked and expired tokens with a 401 that says which', async () => {
    const reject = async (secret: string) => principalForToken(secret).then(() => null, (e: ApiError) => [e.status, e.code]);
    expect(await reject('vgl_not-a-real-token')).toEqual([401, 'invalid_token']);

    const revoked = await createToken({ name: unique('old'), role: 'viewer' }, null);
    await revokeToken(revoked.id, null);
    expect(await reject(revoked.token)).toEqual([401, 'token_revoked']);

    const expiring = await createToken({ name: unique('exp'), role: 'viewer', expiresInDays: 1 }, null);
    await db().apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await reject(expiring.token)).toEqual([401, 'token_expired']);
  });

  it('audits creation and revocation', async () => {
    const created = await createToken({ name: unique('aud'), role: 'viewer' }, null);
    await revokeToken(created.id, null);
    const events = await db().auditEvent.findMany({ where: { targetType: 'token', targetId: created.id }, orderBy: { at: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['token.create', 'token.revoke']);
  });
});
