// Messages that could never be ingested (JetStream): the list's query and what it returns.
import { z } from 'zod';
import { IdString } from './common';

export const DeadLettersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: IdString.optional(),
}).strict();
export type DeadLettersQuery = z.infer<typeof DeadLettersQuery>;

export interface DeadLetterView { id: string; source: string; reference: string | null; payload: string; reason: string; createdAt: string }
