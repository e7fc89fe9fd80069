import { z } from 'zod';

export const Role = z.enum(['admin', 'engineer', 'analyst', 'viewer']);
export type Role = z.infer<typeof Role>;
export const ROLES = Role.options;

// C0 controls and DEL: a NUL makes Postgres refuse the whole statement, the others have no place in a field.
const NO_CONTROLS = /^[^\u0000-\u001f\u007f]*$/;
// Free text (notes) may hold tabs and line breaks.
const NO_CONTROLS_MULTILINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/**
 * The one string schema for request input: bounded length, no NUL or other control characters
 * (tab, newline and CR only with `multiline`). Chain `.trim()`, `.min()`, `.regex()` as usual.
 */
export function safeString(max: number, opts: { multiline?: boolean } = {}) {
  return z
    .string()
    .max(max, `At most ${max} characters.`)
    .regex(opts.multiline ? NO_CONTROLS_MULTILINE : NO_CONTROLS, opts.multiline ? 'Control characters (such as NUL) are not allowed.' : 'Control characters (such as NUL, tab or line breaks) are not allowed.');
}

/** Integers as the databases store them (Postgres INTEGER is 32-bit). */
export const INT32_MAX = 2 ** 31 - 1;

/** Dates both databases and every client can hold; years outside 1900–2200 are input errors. */
export const MIN_DATE = new Date(Date.UTC(1900, 0, 1));
export const MAX_DATE = new Date(Date.UTC(2201, 0, 1) - 1);
export const saneDate = () => z.date().min(MIN_DATE, 'Dates before 1900 are not accepted.').max(MAX_DATE, 'Dates after 2200 are not accepted.');
/** YYYY-MM-DD between 1900 and 2200. */
export const isoDay = () => z.iso.date().refine((s) => s >= '1900-01-01' && s <= '2200-12-31', 'Dates must lie between 1900 and 2200.');

export const IdString = safeString(64).min(1);
export const IdParam = z.object({ id: IdString }).strict();

/** JSON error body shared by every API route. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
