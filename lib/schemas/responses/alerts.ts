// Response contracts of the alerts list and acknowledgement.
import { z } from 'zod';
import { IsoTime } from './common';

/** eventId: the event a high-risk alert is about; transactionId is the same id under its name from before event types. */
export const AlertItem = z.object({
  id: z.string(), type: z.string(), severity: z.string(), title: z.string(), payload: z.unknown(),
  eventId: z.string().nullable(), transactionId: z.string().nullable(),
  createdAt: IsoTime, acknowledgedById: z.string().nullable(), acknowledgedAt: IsoTime.nullable(),
});

export const AlertPage = z.object({ items: z.array(AlertItem), open: z.number().int(), nextCursor: z.string().nullable() });
