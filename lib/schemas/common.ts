import { z } from 'zod';

export const Role = z.enum(['admin', 'engineer', 'analyst', 'viewer']);
export type Role = z.infer<typeof Role>;
export const ROLES = Role.options;

export const IdParam = z.object({ id: z.string().min(1).max(64) }).strict();

/** JSON error body shared by every API route. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
