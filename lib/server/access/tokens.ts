// API tokens: shown once, stored as a sha256 hash, revocable, each carrying a role.
import crypto from 'node:crypto';
import type { CreateTokenInput, TokenSummary } from '@/lib/schemas/tokens';
import type { Role } from '@/lib/schemas/common';
import { recordAudit } from './audit';
import { db } from '../platform/db';
import { ApiError, notFound } from '../platform/http';
import type { Principal } from './principal';

const TOKEN_PREFIX = 'vgl_';

export const hashToken = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex');

type TokenRow = { id: string; name: string; prefix: string; role: string; createdAt: Date; expiresAt: Date | null; lastUsedAt: Date | null; revokedAt: Date | null };

function summarise(t: TokenRow): TokenSummary {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    role: t.role as Role,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/** Creates a token; the returned `token` is the only time the secret exists outside the caller. */
export async function createToken(input: CreateTokenInput, actor: Principal | null): Promise<TokenSummary & { token: string }> {
  const secret = TOKEN_PREFIX + crypto.randomBytes(24).toString('base64url');
  const row = await db().apiToken.create({
    data: {
      name: input.name,
      role: input.role,
      tokenHash: hashToken(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      createdById: actor?.kind === 'user' ? actor.id : null,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    },
  });
  await recordAudit(actor, { action: 'token.create', targetType: 'token', targetId: row.id, after: { name: row.name, role: row.role } });
  return { ...summarise(row), token: secret };
}

export async function listTokens(): Promise<TokenSummary[]> {
  const rows = await db().apiToken.findMany({ orderBy: { createdAt: 'desc' } });
  return rows.map(summarise);
}

export async function revokeToken(id: string, actor: Principal | null): Promise<TokenSummary> {
  const existing = await db().apiToken.findUnique({ where: { id } });
  if (!existing) throw notFound('Token');
  if (existing.revokedAt) return summarise(existing);
  const row = await db().apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  tokenCache.delete(existing.tokenHash);
  await recordAudit(actor, { action: 'token.revoke', targetType: 'token', targetId: id, before: { revokedAt: null }, after: { revokedAt: row.revokedAt } });
  return summarise(row);
}

/** Revokes every live token a user created (inside the caller's transaction); returns their hashes for forgetTokens. */
export async function revokeTokensCreatedBy(userId: string, tx: Pick<ReturnType<typeof db>, 'apiToken'> = db()): Promise<string[]> {
  const live = await tx.apiToken.findMany({ where: { createdById: userId, revokedAt: null }, select: { tokenHash: true } });
  if (live.length) await tx.apiToken.updateMany({ where: { createdById: userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return live.map((t) => t.tokenHash);
}

/** Drops revoked tokens from this process's cache, after their revocation is committed. */
export function forgetTokens(hashes: string[]) {
  for (const hash of hashes) tokenCache.delete(hash);
}

// Hot path of every machine call: a valid token is remembered for a few seconds per process. Revocation
// clears it here at once; other web instances stop accepting it within TOKEN_CACHE_MS.
const TOKEN_CACHE_MS = 5_000;
const tokenCache = new Map<string, { principal: Principal; expiresAt: number }>();

/** Resolves a presented secret to a principal; unknown, revoked and expired tokens are 401s that say which. */
export async function principalForToken(secret: string): Promise<Principal> {
  const hash = hashToken(secret);
  const hit = tokenCache.get(hash);
  if (hit && hit.expiresAt > Date.now()) return hit.principal;
  const principal = await lookupToken(hash);
  if (tokenCache.size > 10_000) tokenCache.clear();
  tokenCache.set(hash, { principal, expiresAt: Date.now() + TOKEN_CACHE_MS });
  return principal;
}

async function lookupToken(hash: string): Promise<Principal> {
  const row = await db().apiToken.findUnique({ where: { tokenHash: hash } });
  if (!row) throw new ApiError(401, 'invalid_token', 'API token is not recognised.');
  if (row.revokedAt) throw new ApiError(401, 'token_revoked', 'API token has been revoked.');
  if (row.expiresAt && row.expiresAt <= new Date()) throw new ApiError(401, 'token_expired', 'API token has expired.');
  // Coarse last-used stamp: at most one write per minute per token.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { kind: 'token', id: row.id, label: row.name, name: row.name, role: row.role as Role };
}
