// User management for admins and the CLI: create, change name/role, disable/enable, reset a password,
// and everyone's own password change. Every change is audited.
import type { CreateUserInput, TemporaryPassword, UpdateUserInput, UserSummary } from '@/lib/schemas/users';
import { ChangePasswordInput } from '@/lib/schemas/users';
import type { Role } from '@/lib/schemas/common';
import { recordAudit } from './audit';
import { db } from '../platform/db';
import { ApiError, conflict, notFound } from '../platform/http';
import { hashPassword, verifyPassword } from './passwords';
import type { Principal } from './principal';
import { forgetTokens, revokeTokensCreatedBy } from './tokens';
import { createUser, DEMO_USERS, generatePassword } from './users';

type UserRow = { id: string; email: string; name: string; role: string; disabledAt: Date | null; mustChangePassword: boolean; authSource: string; createdAt: Date; lastLoginAt: Date | null };

export function summariseUser(u: UserRow): UserSummary {
  return {
    id: u.id, email: u.email, name: u.name, role: u.role as Role, disabled: !!u.disabledAt, mustChangePassword: u.mustChangePassword,
    authSource: u.authSource === 'oidc' ? 'oidc' : 'password', createdAt: u.createdAt.toISOString(), lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  };
}

export async function listUsers(): Promise<UserSummary[]> {
  const rows = await db().user.findMany({ orderBy: [{ disabledAt: 'asc' }, { email: 'asc' }] });
  return rows.map(summariseUser);
}

async function findUser(id: string) {
  const user = await db().user.findUnique({ where: { id } });
  if (!user) throw notFound('User');
  return user;
}

export const getUser = async (id: string) => summariseUser(await findUser(id));

export async function findUserIdByEmail(email: string): Promise<string> {
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user) throw notFound(`User ${email}`);
  return user.id;
}

/** Without a password, a temporary one is generated, returned once, and must be changed at first login. */
export async function createUserAsAdmin(input: CreateUserInput, actor: Principal | null): Promise<{ user: UserSummary; temporaryPassword?: string }> {
  if (await db().user.findUnique({ where: { email: input.email } })) throw conflict(`A user with the email ${input.email} already exists.`);
  const temporaryPassword = input.password ? undefined : generatePassword();
  const row = await createUser({ ...input, password: input.password ?? temporaryPassword!, mustChangePassword: !input.password });
  await recordAudit(actor, { action: 'user.create', targetType: 'user', targetId: row.id, after: { email: row.email, name: row.name, role: row.role, temporaryPassword: !!temporaryPassword } });
  return { user: summariseUser(row), ...(temporaryPassword ? { temporaryPassword } : {}) };
}

/** Name, role and disabled. Disabling ends the user's sessions and revokes every token they created, at once. */
export async function updateUser(id: string, input: UpdateUserInput, actor: Principal | null): Promise<UserSummary> {
  const revoked: string[] = [];
  const row = await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw notFound('User');
    const losesAdmin = user.role === 'admin' && !user.disabledAt && ((input.role && input.role !== 'admin') || input.disabled === true);
    if (losesAdmin && (await tx.user.count({ where: { role: 'admin', disabledAt: null, id: { not: id } } })) === 0) {
      const what = input.disabled ? 'disabled' : 'given another role';
      throw conflict(`${user.email} is the last active admin and cannot be ${what}. Make another user an admin first.`);
    }
    const now = new Date();
    const disabling = input.disabled === true && !user.disabledAt;
    const enabling = input.disabled === false && !!user.disabledAt;
    const updated = await tx.user.update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(disabling ? { disabledAt: now, sessionsValidFrom: now } : {}),
        ...(enabling ? { disabledAt: null } : {}),
      },
    });
    if (disabling) for (const t of await revokeTokensCreatedBy(id, tx)) revoked.push(t);
    const before = { name: user.name, role: user.role, disabled: !!user.disabledAt };
    const after = { name: updated.name, role: updated.role, disabled: !!updated.disabledAt, ...(disabling ? { tokensRevoked: revoked.length } : {}) };
    const action = disabling ? 'user.disable' : enabling ? 'user.enable' : 'user.update';
    await recordAudit(actor, { action, targetType: 'user', targetId: id, before, after }, tx);
    return updated;
  });
  forgetTokens(revoked);
  return summariseUser(row);
}

/** A new temporary password, returned once; the user's sessions end and the next login must change it. */
export async function resetPassword(id: string, actor: Principal | null): Promise<TemporaryPassword> {
  const user = await findUser(id);
  if (user.authSource !== 'password') throw conflict(`${user.email} signs in with single sign-on and has no password to reset.`);
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword); // outside the transaction: bcrypt is slow
  const row = await db().$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id }, data: { passwordHash, mustChangePassword: true, sessionsValidFrom: new Date() } });
    await recordAudit(actor, { action: 'user.password.reset', targetType: 'user', targetId: id }, tx);
    return updated;
  });
  return { user: summariseUser(row), temporaryPassword };
}

/** Everyone's own password: the current one is checked; every session (this one too) ends, so the client signs in again. */
export async function changeOwnPassword(who: Principal, input: ChangePasswordInput): Promise<UserSummary> {
  const user = await findUser(who.id);
  if (user.authSource !== 'password') throw conflict('You sign in with single sign-on; change your password with your identity provider.');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new ApiError(400, 'wrong_password', 'Your current password is not correct.', { currentPassword: ['This is not your current password.'] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const row = await db().$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false, sessionsValidFrom: new Date() } });
    await recordAudit(who, { action: 'user.password.change', targetType: 'user', targetId: user.id }, tx);
    return updated;
  });
  return summariseUser(row);
}

/** Outside demo mode the shared demo accounts are disabled, their sessions ended and their tokens revoked. */
export async function retireDemoAccounts(): Promise<number> {
  let retired = 0;
  for (const { email } of DEMO_USERS) {
    const user = await db().user.findUnique({ where: { email } });
    if (!user || user.disabledAt || user.authSource !== 'password') continue;
    try {
      await updateUser(user.id, { disabled: true }, null);
      retired++;
    } catch (err) {
      // The last active admin stays enabled in the table, but sign-in refuses demo accounts outside demo mode anyway.
      if (!(err instanceof ApiError && err.status === 409)) throw err;
    }
  }
  return retired;
}
