import { z } from 'zod';
import { Role, safeString } from './common';

/** New passwords: long enough to resist guessing, short enough for bcrypt (72 bytes). */
export const MIN_PASSWORD_LENGTH = 10;
export const NewPassword = safeString(72).min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`);

export const UserName = safeString(100).trim().min(1, 'Enter a name.');
export const UserEmail = z.email('Enter a valid email address.').max(200).transform((s) => s.toLowerCase());

export const CreateUserInput = z
  .object({
    email: UserEmail,
    name: UserName,
    role: Role,
    /** Omit it to have a temporary password generated, shown once and changed at first login. */
    password: NewPassword.optional(),
  })
  .strict();
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z
  .object({ name: UserName.optional(), role: Role.optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.role !== undefined || v.disabled !== undefined, 'Send at least one of name, role or disabled.');
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const ChangePasswordInput = z
  .object({
    currentPassword: safeString(200).min(1, 'Enter your current password.'),
    newPassword: NewPassword,
    confirmPassword: safeString(200),
  })
  .strict()
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords differ.' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'Choose a password different from the current one.' });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const UserSummary = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  authSource: z.enum(['password', 'oidc']),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;

/** A password that exists only in this answer: the caller shows it once. */
export const TemporaryPassword = z.object({ user: UserSummary, temporaryPassword: z.string() });
export type TemporaryPassword = z.infer<typeof TemporaryPassword>;
