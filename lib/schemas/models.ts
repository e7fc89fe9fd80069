import { z } from 'zod';

export const ModelStage = z.enum(['candidate', 'shadow', 'production', 'archived']);
export type ModelStage = z.infer<typeof ModelStage>;

export const Kind = z.enum(['email', 'transaction', 'tabular']);
export type Kind = z.infer<typeof Kind>;

export const PromoteInput = z.object({ note: z.string().trim().min(3, 'Say why (at least 3 characters).').max(500) }).strict();
export const StageInput = z.object({ stage: ModelStage, note: z.string().trim().min(3, 'Say why (at least 3 characters).').max(500) }).strict();
export const RollbackInput = z
  .object({ kind: Kind, model: z.string().min(1).max(80).optional(), note: z.string().trim().max(500).optional() })
  .strict()
  .refine((r) => r.kind !== 'tabular' || r.model, { path: ['model'], message: 'Tabular models each serve on their own: name the model to roll back.' });

export const CompareQuery = z.object({
  ids: z.string().transform((s) => s.split(',').filter(Boolean)).pipe(z.array(z.string().min(1)).min(2, 'Pick 2 to 4 versions.').max(4, 'Pick 2 to 4 versions.')),
});
