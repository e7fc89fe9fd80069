// Response contract of GET /api/jobs/{id}, /api/training/jobs/{id}, job creation and cancellation.
import { z } from 'zod';
import { IsoTime } from './common';
import type { JsonOf } from './served';

export const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type JobStatus = JsonOf<z.infer<typeof JobStatus>>;

/** What a finished job left; training jobs fill these fields, others their own (kept as sent). */
export const JobResult = z.looseObject({
  modelVersionId: z.string().optional(),
  version: z.number().optional(),
  durationMs: z.number().optional(),
  metrics: z.looseObject({ rocAuc: z.number().nullable().optional(), averagePrecision: z.number().nullable().optional() }).optional(),
});
export type JobResult = JsonOf<z.infer<typeof JobResult>>;

export const JobView = z.object({
  id: z.string(),
  type: z.string(),
  payload: z.unknown(),
  status: JobStatus,
  progress: z.number(),
  message: z.string().nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  leaseOwner: z.string().nullable(),
  leaseExpiresAt: IsoTime.nullable(),
  runAfter: IsoTime,
  cancelRequested: z.boolean(),
  result: JobResult.nullable(),
  error: z.string().nullable(),
  createdById: z.string().nullable(),
  createdAt: IsoTime,
  startedAt: IsoTime.nullable(),
  finishedAt: IsoTime.nullable(),
});
export type JobView = JsonOf<z.infer<typeof JobView>>;
