// Single sign-on: maps an identity provider's claims onto a Vigil user (match, create, re-apply the role).
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Role } from '@/lib/schemas/common';
import { ROLE_PRECEDENCE, type OidcDefaultRole, type OidcRoleMap, type SsoRefusal } from '@/lib/schemas/oidc';
import { recordAudit } from './audit';
import { db } from '../platform/db';
import { env } from '../platform/env';
import { hashPassword } from './passwords';
import type { Principal } from './principal';
import { userPrincipal } from './users';

export interface OidcSettings {
  roleClaim: string;
  roleMap: OidcRoleMap;
  defaultRole: OidcDefaultRole;
  /** Create unknown people at their first login (else only accounts an admin created, matched by email). */
  jit: boolean;
}

export function oidcSettings(): OidcSettings {
  const e = env();
  return { roleClaim: e.VIGIL_OIDC_ROLE_CLAIM, roleMap: e.VIGIL_OIDC_ROLE_MAP, defaultRole: e.VIGIL_OIDC_DEFAULT_ROLE, jit: e.VIGIL_OIDC_JIT === '1' };
}

/** A claim's string values. The exact name comes first (namespaced claims are URLs with dots), then a dotted path such as Keycloak's `realm_access.roles`. */
export function claimValues(claims: Record<string, unknown>, name: string): string[] {
  let value: unknown = Object.hasOwn(claims, name) ? claims[name] : undefined;
  if (value === undefined && name.includes('.')) {
    value = name.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' && Object.hasOwn(at, key) ? (at as Record<string, unknown>)[key] : undefined), claims);
  }
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/** The most privileged role any of the groups maps to, else the default role; null means refused. */
export function roleForClaims(claims: Record<string, unknown>, settings: OidcSettings): Role | null {
  const mapped = new Set(claimValues(claims, settings.roleClaim).map((g) => settings.roleMap.get(g)));
  const best = ROLE_PRECEDENCE.find((role) => mapped.has(role));
  return best ?? (settings.defaultRole === 'none' ? null : settings.defaultRole);
}

const text = (max: number) => z.string().trim().min(1).max(max).refine((s) => !s.includes('\0'));
const Identity = z.object({
  sub: text(255),
  email: z.email().max(254).transform((e) => e.toLowerCase()).optional().catch(undefined),
  email_verified: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional().catch(undefined),
  name: text(200).optional().catch(undefined),
  preferred_username: text(200).optional().catch(undefined),
});

export type OidcLoginResult =
  | { ok: true; user: Principal; created: boolean }
  | { ok: false; reason: SsoRefusal; userId?: string };

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === 'P2002';

/** Finds or creates the Vigil user for these claims and applies the mapped role; audits the outcome. */
export async function resolveOidcLogin(claims: Record<string, unknown>, settings: OidcSettings = oidcSettings()): Promise<OidcLoginResult> {
  let result: OidcLoginResult;
  try {
    result = await resolve(claims, settings);
  } catch (err) {
    // Two first logins of one person at once: the loser finds the row the winner created.
    if (!isUniqueViolation(err)) throw err;
    result = await resolve(claims, settings);
  }
  if (!result.ok) {
    const email = typeof claims.email === 'string' ? claims.email.slice(0, 254) : null;
    await recordAudit(null, { action: 'login.failure', targetType: 'user', targetId: result.userId ?? null, after: { method: 'oidc', reason: result.reason, email } });
  }
  return result;
}

async function resolve(claims: Record<string, unknown>, settings: OidcSettings): Promise<OidcLoginResult> {
  const parsed = Identity.safeParse(claims);
  if (!parsed.success) return { ok: false, reason: 'sso_bad_identity' };
  const { sub, email, email_verified: emailVerified } = parsed.data;

  let user = await db().user.findUnique({ where: { oidcSubject: sub } });
  if (!user && email) {
    const byEmail = await db().user.findUnique({ where: { email } });
    // Linking by email hands over an existing account, so the provider must vouch for the address.
    if (byEmail && emailVerified !== true) return { ok: false, reason: 'sso_unverified_email', userId: byEmail.id };
    if (byEmail?.oidcSubject) return { ok: false, reason: 'sso_linked', userId: byEmail.id };
    user = byEmail;
  }
  if (user?.disabledAt) return { ok: false, reason: 'sso_disabled', userId: user.id };
  const role = roleForClaims(claims, settings);
  if (!role) return { ok: false, reason: 'sso_no_role', userId: user?.id };

  const now = new Date();
  if (!user) {
    if (!settings.jit) return { ok: false, reason: 'sso_unknown_user' };
    if (!email) return { ok: false, reason: 'sso_no_email' };
    const name = parsed.data.name ?? parsed.data.preferred_username ?? email;
    // Nobody knows this password: the account signs in through the identity provider only.
    const passwordHash = await hashPassword(crypto.randomBytes(32).toString('base64url'));
    const created = await db().$transaction(async (tx) => {
      const row = await tx.user.create({ data: { email, name, role, passwordHash, authSource: 'oidc', oidcSubject: sub, lastLoginAt: now } });
      const who = userPrincipal(row);
      await recordAudit(null, { action: 'user.create', targetType: 'user', targetId: row.id, after: { email, name, role, authSource: 'oidc' } }, tx);
      await recordAudit(who, { action: 'login.success', targetType: 'user', targetId: row.id, after: { method: 'oidc' } }, tx);
      return who;
    });
    return { ok: true, user: created, created: true };
  }

  const existing = user;
  const updated = await db().$transaction(async (tx) => {
    const row = await tx.user.update({ where: { id: existing.id }, data: { role, oidcSubject: sub, lastLoginAt: now } });
    const who = userPrincipal(row);
    if (existing.role !== role) {
      await recordAudit(null, { action: 'user.update', targetType: 'user', targetId: row.id, before: { role: existing.role }, after: { role, source: 'oidc' } }, tx);
    }
    await recordAudit(who, { action: 'login.success', targetType: 'user', targetId: row.id, after: { method: 'oidc', ...(existing.oidcSubject ? {} : { linked: true }) } }, tx);
    return who;
  });
  return { ok: true, user: updated, created: false };
}

/** The Vigil user an identity provider subject was linked to at sign-in. */
export async function userIdForSubject(subject: string): Promise<string | undefined> {
  const row = await db().user.findUnique({ where: { oidcSubject: subject }, select: { id: true, disabledAt: true } });
  return row && !row.disabledAt ? row.id : undefined;
}
