// Scoring request shapes of seeds 001 and 004, accepted unchanged.
import { z } from 'zod';
import { safeString } from './common';

const count = z.number().int().min(0).max(1_000_000);

/** Seed 001: POST /fraud_detection takes a list of credit records. */
export const CreditRecordInput = z
  .object({
    customer_id: z.union([z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER), safeString(64).min(1)]),
    number_of_open_accounts: count,
    total_credit_limit: z.number().finite().min(0).max(1e10),
    total_balance: z.number().finite().min(0).max(1e10),
    number_of_accounts_in_arrears: count,
  })
  .strict();
export const FraudDetectionBody = z.array(CreditRecordInput).min(1, 'Send at least one record.').max(1000, 'At most 1,000 records per request.');

/** Seed 004: POST /predict takes parallel arrays of events. */
const cell = z.union([safeString(200), z.number().finite()]);
export const PredictBody = z
  .object({ UserId: z.array(cell).min(1).max(100_000), Event: z.array(cell).max(100_000), Category: z.array(cell).max(100_000) })
  .strict()
  .refine((b) => b.Event.length === b.UserId.length && b.Category.length === b.UserId.length, { message: 'UserId, Event and Category must have the same length.', path: ['UserId'] });
