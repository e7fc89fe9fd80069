import { z } from 'zod';
import { IdString, safeString } from './common';
import { EventTypeName } from './event-types';

export const ModelStage = z.enum(['candidate', 'shadow', 'production', 'archived']);
export type ModelStage = z.infer<typeof ModelStage>;

export const Kind = z.enum(['email', 'transaction', 'tabular']);
export type Kind = z.infer<typeof Kind>;

const Note = safeString(500, { multiline: true }).trim();
export const PromoteInput = z.object({ note: Note.min(3, 'Say why (at least 3 characters).') }).strict();
export const StageInput = z.object({ stage: ModelStage, note: Note.min(3, 'Say why (at least 3 characters).') }).strict();
/** A kind's slot, or an event type's (eventType instead of kind). */
export const RollbackInput = z
  .object({ kind: Kind.optional(), eventType: EventTypeName.optional(), model: safeString(80).min(1).optional(), note: Note.optional() })
  .strict()
  .refine((r) => (r.kind === undefined) !== (r.eventType === undefined), { path: ['kind'], message: 'Name either a kind or an eventType.' })
  .refine((r) => r.kind !== 'tabular' || r.model, { path: ['model'], message: 'Tabular models each serve on their own: name the model to roll back.' });

export const CompareQuery = z.object({
  ids: safeString(400).transform((s) => s.split(',').filter(Boolean)).pipe(z.array(IdString).min(2, 'Pick 2 to 4 versions.').max(4, 'Pick 2 to 4 versions.')),
});
