import { z } from 'zod';
import { IdString, INT32_MAX, isoDay, safeString } from './common';
import { EventTypeName } from './event-types';

export const Label = z.enum(['fraud', 'legit']);
export type Label = z.infer<typeof Label>;

export const LabelInput = z
  .object({
    /** null undoes a label. */
    label: Label.nullable(),
    /** The item's `version` as the client last saw it: a mismatch is a 409, never a silent overwrite. */
    expectedVersion: z.number().int().min(0).max(INT32_MAX),
  })
  .strict();
export type LabelInput = z.infer<typeof LabelInput>;

export const BulkLabelInput = z
  .object({ items: z.array(z.object({ id: IdString, expectedVersion: z.number().int().min(0).max(INT32_MAX) }).strict()).min(1).max(500), label: Label })
  .strict();

const optionalNumber = z.union([z.literal('').transform(() => undefined), z.coerce.number().finite().min(-1e12).max(1e12)]).optional();
export const QueueQuery = z.object({
  band: z.enum(['review', 'block', 'all']).default('all'),
  minAmount: optionalNumber,
  maxAmount: optionalNumber,
  category: safeString(60).optional(),
  from: isoDay().optional(),
  to: isoDay().optional(),
  model: safeString(64).optional(),
  /** An event type: its events instead of transactions. */
  type: EventTypeName.optional(),
  cursor: safeString(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type QueueQuery = z.infer<typeof QueueQuery>;
