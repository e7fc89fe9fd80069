// Inputs of the scoring and ingestion APIs. Sparkov column names, so a CSV row posts as it is.
import { z } from 'zod';
import { safeString } from './common';

const MAX_FUTURE_SECONDS = 300;

/** ASCII-only addresses: homoglyphs, zero-width and bidi characters are refused, not silently scored. */
export const EmailAddress = safeString(1000)
  .trim()
  .max(254, 'An email address has at most 254 characters.')
  .refine((s) => /^[\x21-\x7e]+$/.test(s), 'Only printable ASCII is accepted (internationalised domains must be punycode).')
  .pipe(z.email('Not an email address.'));

const ModelVersionId = safeString(64).min(1).optional();

export const ScoreEmailInput = z.object({ email: EmailAddress, modelVersionId: ModelVersionId, save: z.boolean().optional() }).strict();
export type ScoreEmailInput = z.infer<typeof ScoreEmailInput>;

/** A number, or a numeric string as it comes from a CSV; NaN and Infinity are refused. */
const num = (what: string) =>
  z.union([z.number(), safeString(64).trim().min(1)]).transform((v, ctx) => {
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', message: `${what} must be a finite number.` });
    return n;
  });
const text = (max = 200) => z.union([safeString(max), z.number()]).transform(String).pipe(safeString(max));

export const SparkovTransaction = z
  .object({
    trans_num: text(100).pipe(z.string().min(1, 'trans_num (the external id) is required.')),
    trans_date_trans_time: safeString(40).optional(),
    unix_time: num('unix_time').optional(),
    cc_num: text(30).pipe(z.string().regex(/^\d{8,19}$/, 'cc_num must be 8 to 19 digits.')),
    merchant: text().optional(),
    category: text(60),
    amt: num('amt').pipe(z.number().min(0, 'amt cannot be negative.').max(1_000_000, 'amt above 1,000,000 is refused as absurd.')),
    first: text().optional(), last: text().optional(), gender: text(10).optional(), street: text().optional(),
    city: text().optional(), state: text(10).optional(), zip: text(12).optional(),
    lat: num('lat').pipe(z.number().min(-90).max(90)).optional(),
    long: num('long').pipe(z.number().min(-180).max(180)).optional(),
    city_pop: num('city_pop').pipe(z.number().min(0)).optional(),
    job: text().optional(), dob: safeString(40).optional(),
    merch_lat: num('merch_lat').pipe(z.number().min(-90).max(90)).optional(),
    merch_long: num('merch_long').pipe(z.number().min(-180).max(180)).optional(),
    is_fraud: z.union([z.literal(0), z.literal(1), z.literal('0'), z.literal('1')]).optional(),
    // The unnamed index column of Sparkov's CSV files.
    '': z.unknown().optional(),
    'Unnamed: 0': z.unknown().optional(),
  })
  .strict()
  .transform((tx, ctx) => {
    const seconds = tx.unix_time ?? (tx.trans_date_trans_time ? Date.parse(tx.trans_date_trans_time.replace(' ', 'T') + 'Z') / 1000 : NaN);
    if (!Number.isFinite(seconds) || seconds < 0) {
      ctx.addIssue({ code: 'custom', path: ['unix_time'], message: 'Give unix_time (seconds) or trans_date_trans_time (YYYY-MM-DD HH:MM:SS).' });
      return z.NEVER;
    }
    if (seconds > Date.now() / 1000 + MAX_FUTURE_SECONDS) {
      ctx.addIssue({ code: 'custom', path: ['unix_time'], message: 'Timestamp is in the future.' });
      return z.NEVER;
    }
    if (tx.dob && Number.isNaN(Date.parse(tx.dob))) ctx.addIssue({ code: 'custom', path: ['dob'], message: 'dob must be a date (YYYY-MM-DD).' });
    const { '': _i, 'Unnamed: 0': _u, ...rest } = tx;
    return { ...rest, unix_time: Math.floor(seconds) };
  });
export type SparkovTransaction = z.infer<typeof SparkovTransaction>;

export const ScoreTransactionInput = z.object({ transaction: z.unknown(), modelVersionId: ModelVersionId }).strict();

export const MAX_BATCH = 1000;
const batchOf = (field: string) => z.array(z.unknown()).min(1, `Send at least one ${field}.`).max(MAX_BATCH, `At most ${MAX_BATCH} records per request.`);

export const ScoreEmailBatchInput = z.object({ emails: batchOf('email'), modelVersionId: ModelVersionId }).strict();
export const ScoreTransactionBatchInput = z.object({ transactions: batchOf('transaction'), modelVersionId: ModelVersionId }).strict();
export const IngestInput = z.object({ transactions: batchOf('transaction') }).strict();
