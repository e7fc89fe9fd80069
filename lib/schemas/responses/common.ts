// Building blocks shared by the response contracts.
import { z } from 'zod';

/** A timestamp as JSON carries it (Date.toJSON); branded so Served<T> knows which strings a service may hand over as Dates. */
export const IsoTime = z.iso.datetime().brand<'IsoTime'>().describe('ISO 8601 timestamp (UTC)');
export type IsoTime = z.infer<typeof IsoTime>;
export const Decision = z.enum(['allow', 'review', 'block']);
export type Decision = z.infer<typeof Decision>;
/** One feature's share of a score, with a sentence for people. */
export const Reason = z.object({ feature: z.string(), text: z.string(), contribution: z.number() });
export type Reason = z.infer<typeof Reason>;
