import { z } from 'zod';

export const Label = z.enum(['fraud', 'legit']);
export type Label = z.infer<typeof Label>;

export const LabelInput = z
  .object({
    /** null undoes a label. */
    label: Label.nullable(),
    /** The item's `version` as the client last saw it: a mismatch is a 409, never a silent overwrite. */
    expectedVersion: z.number().int().min(0),
  })
  .strict();
export type LabelInput = z.infer<typeof LabelInput>;

export const BulkLabelInput = z
  .object({ items: z.array(z.object({ id: z.string().min(1), expectedVersion: z.number().int().min(0) }).strict()).min(1).max(500), label: Label })
  .strict();

const optionalNumber = z.union([z.literal('').transform(() => undefined), z.coerce.number().finite()]).optional();
export const QueueQuery = z.object({
  band: z.enum(['review', 'block', 'all']).default('all'),
  minAmount: optionalNumber,
  maxAmount: optionalNumber,
  category: z.string().max(60).optional(),
  from: z.string().date().optional(),
  to: z.string().date().optional(),
  model: z.string().max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type QueueQuery = z.infer<typeof QueueQuery>;
