// Binds a handler to its declaration (lib/server/api/*): auth, path params, query, body, then the handler; a plain
// object result is sent as JSON with the declared status. Errors keep route()'s semantics (ApiError → JSON,
// busy database → 503, anything else logged → 500).
import type { z } from 'zod';
import type { Served } from '@/lib/schemas/responses/served';
import type { Endpoint } from '../api/endpoint';
import { authenticate, requireScope } from '../access/auth';
import { json, parseWith, readJson, route, unauthorized } from './http';
import type { Principal } from '../access/principal';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A declared response is checked at compile time: the handler returns the contract (Dates for its ISO strings). */
type Reply<E extends Endpoint> = E['response'] extends z.ZodType ? Served<E['response']> : unknown;

export interface HandlerInput<E extends Endpoint> {
  req: Request;
  params: Parsed<E['params']>;
  query: Parsed<E['query']>;
  /** Already read, except when the handler authenticates itself (auth: 'handler') or takes a raw body: then it calls readBody. */
  body: Parsed<E['body']>;
  readBody: (maxBytes?: number) => Promise<Parsed<E['body']>>;
  /** The caller; null for public routes and for those that authenticate in the handler. */
  principal: E extends { scope: string } | { auth: 'signed-in' } ? Principal : null;
}

type NextHandler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
export type BoundHandler = NextHandler & { endpoint: Endpoint };

async function principalFor(e: Endpoint, req: Request): Promise<Principal | null> {
  if (e.scope) return requireScope(req, e.scope);
  if (e.auth === 'signed-in') {
    const who = await authenticate(req);
    if (!who) throw unauthorized();
    return who;
  }
  return null;
}

function queryOf(e: Endpoint, req: Request): Record<string, string> {
  const entries = Object.create(null) as Record<string, string>;
  for (const [k, v] of new URL(req.url).searchParams) if (!e.dropEmptyQuery || v.trim() !== '') entries[k] = v;
  return entries;
}

async function bodyOf(e: Endpoint, req: Request, maxBytes = e.bodyLimit): Promise<unknown> {
  if (!e.body) return undefined;
  if (e.bodyOptional && req.body === null) return e.body.parse({});
  return readJson(req, e.body, maxBytes, { anyContentType: e.anyContentType });
}

/** The route handler Next calls for `endpoint`; the declaration rides along for the route-coverage test. */
export function handle<const E extends Endpoint>(endpoint: E, handler: (input: HandlerInput<E>) => Promise<Reply<E> | Response>): BoundHandler {
  const bound = route<{ params: Promise<Record<string, string | string[]>> }>(async (req, ctx) => {
    const principal = await principalFor(endpoint, req);
    const params = endpoint.params ? parseWith(endpoint.params, await ctx.params, 'Path') : undefined;
    const query = endpoint.query ? parseWith(endpoint.query, queryOf(endpoint, req), 'Query') : undefined;
    const readBody = (maxBytes?: number) => bodyOf(endpoint, req, maxBytes);
    const body = endpoint.auth === 'handler' || endpoint.rawBody ? undefined : await readBody();
    const result = await handler({ req, params, query, body, readBody, principal } as HandlerInput<E>);
    return result instanceof Response ? result : json(result, endpoint.status ?? 200);
  });
  return Object.assign(bound, { endpoint });
}
