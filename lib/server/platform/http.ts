// Response and error helpers shared by every route handler: one JSON error shape, no 5xx on bad input.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import type { ApiErrorBody } from '@/lib/schemas/common';
import { childLogger } from './logger';
import { observeRequest } from './metrics';
import { BUSY_MESSAGE, BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from './db-busy';
import { capErrorDetail } from './error-body';

const log = childLogger('http');

export const DEFAULT_BODY_LIMIT = 1_000_000;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
    /** Extra response headers, e.g. Retry-After on 429 and 503. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: Record<string, string[]>) => new ApiError(400, 'bad_request', message, fields);
export const unauthorized = (message = 'Authentication required: sign in or send an API token.') => new ApiError(401, 'unauthorized', message);
export const forbidden = (message = 'Your role does not allow this.') => new ApiError(403, 'forbidden', message);
export const notFound = (what = 'Resource') => new ApiError(404, 'not_found', `${what} not found.`);
export const conflict = (message: string) => new ApiError(409, 'conflict', message);
export const databaseBusy = () => new ApiError(503, 'database_busy', BUSY_MESSAGE, undefined, { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) });

export function json<T>(body: T, init?: number | ResponseInit): NextResponse {
  return NextResponse.json(body, typeof init === 'number' ? { status: init } : init);
}

export function errorResponse(err: ApiError): NextResponse {
  const body: ApiErrorBody = { error: capErrorDetail({ code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) }) };
  return json(body, { status: err.status, ...(err.headers ? { headers: err.headers } : {}) });
}

/**
 * Zod issues → { "a.b": ["message"] } with "(root)" for top-level problems such as unknown keys.
 * Prototype-free: the keys come from the client ("__proto__", "constructor").
 */
export function zodFields(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = Object.create(null);
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k].join('.')) : [issue.path.join('.') || '(root)'];
    for (const key of keys) (fields[key] ??= []).push(issue.code === 'unrecognized_keys' ? 'Unknown field.' : issue.message);
  }
  return fields;
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what = 'Request body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`${what} is invalid.`, zodFields(result.error));
  return result.data;
}

/** application/json or a +json type, with optional parameters such as charset. */
export const isJsonContentType = (value: string | null) => /^application\/(?:[\w.!#$&^-]+\+)?json\s*(?:;|$)/i.test(value?.trim() ?? '');

/**
 * Reads a JSON body with a type check (415), a size cap (413) and a syntax check (400), then validates it (400 with fields).
 * The type check also keeps cross-site HTML forms (which cannot send application/json) away from JSON routes;
 * `anyContentType` is only for seed routes whose documented requests send no type.
 */
export async function readJson<S extends z.ZodType>(
  req: Request,
  schema: S,
  maxBytes = DEFAULT_BODY_LIMIT,
  opts: { anyContentType?: boolean } = {},
): Promise<z.infer<S>> {
  if (!opts.anyContentType && !isJsonContentType(req.headers.get('content-type'))) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON with the header Content-Type: application/json.');
  }
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new ApiError(413, 'payload_too_large', `Body is ${declared} bytes; the limit is ${maxBytes}.`);
  const text = await readLimited(req, maxBytes);
  if (!text.trim()) throw new ApiError(400, 'invalid_json', 'Request body is empty; send a JSON object.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ApiError(400, 'invalid_json', `Malformed JSON: ${(err as Error).message}`);
  }
  return parseWith(schema, value);
}

async function readLimited(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ApiError(413, 'payload_too_large', `Body exceeds the limit of ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Wraps a handler: ApiError → its JSON error; anything else is logged and answered as a 500 (a bug). */
export function route<C = { params: Promise<Record<string, string>> }>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    const started = performance.now();
    let res: Response;
    try {
      res = await handler(req, ctx);
    } catch (err) {
      if (err instanceof ApiError) res = errorResponse(err);
      else if (isDatabaseBusy(err)) res = errorResponse(databaseBusy());
      else {
        log.error({ err, url: req.url, method: req.method }, 'unhandled error in route');
        res = errorResponse(new ApiError(500, 'internal', 'Internal error; it has been logged.'));
      }
    }
    observeRequest(req, res.status, (performance.now() - started) / 1000);
    return res;
  };
}
