// Checks a route's real JSON answer against the response schema its declaration carries.
import { expect } from 'vitest';
import type { Endpoint } from '@/lib/server/api/endpoint';
import type { BoundHandler } from '@/lib/server/platform/api-route';
import { params } from './helpers';

/** Parses `body` with the declared schema; parsing drops undeclared keys, so the parse must equal the answer. */
export function expectContract(endpoint: Endpoint, body: unknown) {
  const name = `${endpoint.method} ${endpoint.path}`;
  expect(endpoint.response, `${name} declares a response`).toBeDefined();
  const result = endpoint.response!.safeParse(body);
  expect(result.success, `${name}: ${result.success ? '' : JSON.stringify(result.error.issues.slice(0, 3))}`).toBe(true);
  expect(result.data, `${name} answers fields its schema does not declare`).toEqual(body);
}

/** Calls a bound handler and checks its status and its JSON against the handler's declared response schema. */
export async function answer(handler: BoundHandler, req: Request, p: Record<string, string> = {}) {
  const res = await handler(req, params(p));
  const body = await res.json();
  expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(handler.endpoint.status ?? 200);
  expectContract(handler.endpoint, body);
  return body;
}
