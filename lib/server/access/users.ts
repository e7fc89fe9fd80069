// People: credentials check, the first-start admin, and the demo users.
import crypto from 'node:crypto';
import type { Role } from '@/lib/schemas/common';
import { demoMode } from './demo-mode';
import { db } from '../platform/db';
import { envNow } from '../platform/env';
import { childLogger } from '../platform/logger';
import { hashPassword, verifyPassword } from './passwords';
import type { Principal } from './principal';

const log = childLogger('users');

export const DEMO_PASSWORD = 'vigil-demo';
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@vigil.local', name: 'Ada Admin', role: 'admin' },
  { email: 'engineer@vigil.local', name: 'Eli Engineer', role: 'engineer' },
  { email: 'analyst@vigil.local', name: 'Ana Analyst', role: 'analyst' },
  { email: 'viewer@vigil.local', name: 'Vic Viewer', role: 'viewer' },
];
const DEMO_EMAILS = new Set(DEMO_USERS.map((u) => u.email));

/** Demo accounts share a public password, so they count only in demo mode. */
export const isUsableAccount = (email: string) => !DEMO_EMAILS.has(email) || demoMode();

type UserRow = { id: string; email: string; name: string; role: string };
export const userPrincipal = (u: UserRow): Principal => ({ kind: 'user', id: u.id, label: u.email, name: u.name, role: u.role as Role });

/** Temporary passwords: 16 URL-safe characters, shown once. */
export const generatePassword = () => crypto.randomBytes(12).toString('base64url');

export async function verifyCredentials(email: string, password: string): Promise<Principal | null> {
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() } });
  // Compare against a dummy hash when the user is unknown, so timing does not reveal which emails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? '$2b$10$CwTycUXWue0Thq9StjUM0uJ8V1x1qN3QJzY8ZyW9w0Tq6sQ8mJ1yK');
  if (!user || !ok || user.disabledAt || user.authSource !== 'password' || !isUsableAccount(user.email)) return null;
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return userPrincipal(user);
}

export async function createUser(input: { email: string; name: string; role: Role; password: string; mustChangePassword?: boolean }) {
  return db().user.create({
    data: {
      email: input.email.toLowerCase(), name: input.name, role: input.role,
      passwordHash: await hashPassword(input.password), mustChangePassword: input.mustChangePassword ?? false,
    },
  });
}

/**
 * On an empty user table, creates the admin from VIGIL_ADMIN_EMAIL/VIGIL_ADMIN_PASSWORD, or with a
 * generated password that is printed once and must be changed at first login. Returns the generated password, if any.
 */
export async function bootstrapAdmin(): Promise<{ email: string; generatedPassword?: string } | null> {
  if ((await db().user.count()) > 0) return null;
  const email = envNow('VIGIL_ADMIN_EMAIL') ?? 'owner@vigil.local';
  const operatorPassword = envNow('VIGIL_ADMIN_PASSWORD');
  const generatedPassword = operatorPassword ? undefined : generatePassword();
  await createUser({ email, name: 'Administrator', role: 'admin', password: operatorPassword ?? generatedPassword!, mustChangePassword: !!generatedPassword });
  log.info({ email }, 'created the first admin');
  return { email, generatedPassword };
}

/**
 * Demo users, one per role. Creates the missing ones and re-enables disabled ones: demo mode means
 * the shared accounts work (skips emails that exist with another source, e.g. single sign-on).
 */
export async function seedDemoUsers(): Promise<number> {
  let created = 0;
  for (const u of DEMO_USERS) {
    const existing = await db().user.findUnique({ where: { email: u.email } });
    if (existing) {
      if (existing.disabledAt && existing.authSource === 'password') await db().user.update({ where: { id: existing.id }, data: { disabledAt: null } });
      continue;
    }
    await createUser({ ...u, password: DEMO_PASSWORD });
    created++;
  }
  return created;
}
