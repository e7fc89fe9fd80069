// Response contracts of the system routes: health and the OpenAPI document itself.
import { z } from 'zod';
import type { JsonOf } from './served';

/** 200 while the database answers, 503 (same shape, status 'down') when it does not. */
export const Health = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  database: z.object({ ok: z.boolean(), provider: z.enum(['sqlite', 'postgres']), error: z.enum(['busy', 'unreachable']).optional() }),
  worker: z.object({
    ok: z.boolean(),
    lastSeen: z.string().nullable(),
    /** Present under `npm start`: how the supervised worker has fared. */
    supervisor: z.object({
      state: z.enum(['running', 'restarting', 'stopped']),
      restarts: z.number().int(),
      startedAt: z.string().nullable(),
      lastExit: z.object({ code: z.number().int().nullable(), signal: z.string().nullable(), at: z.string() }).nullable(),
      nextStartAt: z.string().nullable(),
    }).optional(),
  }),
  version: z.string(),
});
export type Health = JsonOf<z.infer<typeof Health>>;

/** Only the top of the document: its paths are generated from the route declarations. */
export const OpenApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
