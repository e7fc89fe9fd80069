import { z } from 'zod';
import { Role, safeString } from './common';

export const CreateTokenInput = z
  .object({
    name: safeString(80).trim().min(1),
    /** The least privileged role unless one is chosen. */
    role: Role.default('viewer'),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;

export const TokenSummary = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: Role,
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenSummary = z.infer<typeof TokenSummary>;
