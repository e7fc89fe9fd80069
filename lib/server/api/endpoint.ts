// The shape of a route declaration: everything the binder (platform/api-route.ts), the OpenAPI document and the
// proxy's 405 answers need to know about one method of one path. Pure (zod and types only) so the proxy can load it.
import type { z } from 'zod';
import type { Scope } from '../access/rbac';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

interface EndpointBase {
  method: HttpMethod;
  /** The served path with {param} placeholders, e.g. /api/jobs/{id}. */
  path: string;
  summary: string;
  tag: string;
  /** Path parameters; a path with {x} must declare them (route-coverage test). */
  params?: z.ZodType;
  /** Parsed from the query string (one value per key); 400 "Query is invalid." */
  query?: z.ZodType;
  /** A GET form sends empty fields for "no filter": drop them before parsing the query. */
  dropEmptyQuery?: boolean;
  /** A JSON body, read and validated before the handler runs (415, 413, 400). */
  body?: z.ZodType;
  bodyLimit?: number;
  /** No body at all parses as `{}` (the schema's defaults). */
  bodyOptional?: boolean;
  /** Read the body as JSON whatever its Content-Type (only for seed routes documented without one). */
  anyContentType?: boolean;
  /** A non-JSON body the handler streams itself, e.g. 'text/csv'; a JSON `body` is then also read by the handler (readBody). */
  rawBody?: string;
  /** The JSON answer's contract (OpenAPI only; not checked at run time). */
  response?: z.ZodType;
  /** The success status when the handler returns a plain object. */
  status?: 200 | 201 | 202;
}

/** Exactly one way in: a permission, public, any caller (signed-in), or the handler authenticates itself. */
type Access =
  | { scope: Scope; public?: never; auth?: never }
  | { public: true; scope?: never; auth?: never }
  | { auth: 'signed-in' | 'handler'; scope?: never; public?: never };

export type Endpoint = EndpointBase & Access;

/** Identity with the literal types kept, so handlers see their parsed params, query and body types. */
export function defineEndpoint<const E extends Endpoint>(endpoint: E): E {
  return endpoint;
}
