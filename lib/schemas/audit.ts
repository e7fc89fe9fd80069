import { z } from 'zod';
import { IdString, isoDay, safeString } from './common';

export const AUDIT_PAGE_SIZE = 50;

/** Filters of the audit log; `from`/`to` are UTC days, both inclusive. */
export const AuditQuery = z
  .object({
    action: safeString(100).trim().optional(),
    actor: safeString(200).trim().optional(),
    targetType: safeString(100).trim().optional(),
    from: isoDay().optional(),
    to: isoDay().optional(),
    cursor: IdString.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(AUDIT_PAGE_SIZE),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'The end date is before the start date.' });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEventSummary = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEventSummary = z.infer<typeof AuditEventSummary>;

export const AuditPage = z.object({ events: z.array(AuditEventSummary), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
