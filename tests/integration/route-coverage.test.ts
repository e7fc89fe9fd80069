// Each route is declared once (lib/server/api): every exported handler of every app/**/route.ts is bound to the
// declaration of its own method and path, every declaration has its route, and the OpenAPI document shows them all.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DECLARED, ENDPOINTS } from '@/lib/server/api';
import { AccessApi } from '@/lib/server/api/access';
import type { Endpoint } from '@/lib/server/api/endpoint';
import { EventsApi } from '@/lib/server/api/events';
import { JobsApi } from '@/lib/server/api/jobs';
import { SystemApi } from '@/lib/server/api/system';
import { TransactionsApi } from '@/lib/server/api/transactions';
import { openApiDocument } from '@/lib/server/platform/openapi';
import { exportedHandlers, routeFiles, UNLISTED_ROUTES, type ExportedHandler } from './route-files';

interface BoundRoute { path: string; handlers: ExportedHandler[] }

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** What is wrong between the route files and the declarations: every exported handler is bound with handle(). */
function problems(routes: BoundRoute[], declared: Endpoint[]): string[] {
  const out: string[] = [];
  const bound = new Set<Endpoint>();
  for (const r of routes) {
    for (const h of r.handlers) {
      if (!h.endpoint) {
        out.push(`${key(h.method, r.path)} has no declaration`);
        continue;
      }
      if (key(h.endpoint.method, h.endpoint.path) !== key(h.method, r.path)) out.push(`${key(h.method, r.path)} is bound to the declaration of ${key(h.endpoint.method, h.endpoint.path)}`);
      if (!declared.includes(h.endpoint)) out.push(`${key(h.method, r.path)} is bound to a declaration missing from the list`);
      if (bound.has(h.endpoint)) out.push(`${key(h.endpoint.method, h.endpoint.path)} is bound twice`);
      bound.add(h.endpoint);
    }
  }
  const served = new Set(routes.flatMap((r) => r.handlers.map((h) => key(h.method, r.path))));
  for (const e of declared) if (!served.has(key(e.method, e.path))) out.push(`${key(e.method, e.path)} is declared but no route file serves it`);
  for (const e of declared) if (/\{\w+\}/.test(e.path) && !e.params) out.push(`${key(e.method, e.path)} declares no params schema`);
  return out;
}

/** Declarations without a JSON response schema, on purpose: shapes still being reworked, and answers that are not JSON. */
const WITHOUT_RESPONSE: Endpoint[] = [
  // Not JSON: Prometheus text and CSV.
  TransactionsApi.export, SystemApi.metrics, AccessApi.auditExport, EventsApi.export,
];

function missingResponses(declared: Endpoint[], allowed: Endpoint[]): string[] {
  return declared.filter((e) => !e.response && !allowed.includes(e)).map((e) => `${key(e.method, e.path)} declares no response schema`);
}

async function boundRoutes(): Promise<BoundRoute[]> {
  const routes: BoundRoute[] = [];
  for (const r of routeFiles()) if (!UNLISTED_ROUTES.includes(r.path)) routes.push({ path: r.path, handlers: await exportedHandlers(r.file) });
  return routes;
}

describe('route declarations', () => {
  it('bind every method of every route file to its own declaration, and declare nothing unserved', async () => {
    expect(problems(await boundRoutes(), DECLARED)).toEqual([]);
    expect(ENDPOINTS).toBe(DECLARED);
    const listed = ENDPOINTS.map((e) => key(e.method, e.path));
    expect(listed.length).toBe(new Set(listed).size);
  });

  it('catches a handler bound to another route, an undeclared handler and a declaration without a route', () => {
    const routes: BoundRoute[] = [
      { path: '/api/jobs/{id}/cancel', handlers: [{ method: 'POST', endpoint: JobsApi.job }] },
      { path: '/api/nowhere', handlers: [{ method: 'GET' }] },
    ];
    expect(problems(routes, [JobsApi.job, JobsApi.trainingJob])).toEqual([
      'POST /api/jobs/{id}/cancel is bound to the declaration of GET /api/jobs/{id}',
      'GET /api/nowhere has no declaration',
      'GET /api/jobs/{id} is declared but no route file serves it',
      'GET /api/training/jobs/{id} is declared but no route file serves it',
    ]);
  });

  it('give every JSON route a response schema, but for the short allow-list', () => {
    expect(missingResponses(DECLARED, WITHOUT_RESPONSE)).toEqual([]);
    const { response: _dropped, ...bare } = JobsApi.job;
    expect(missingResponses([bare as Endpoint, JobsApi.cancel], WITHOUT_RESPONSE)).toEqual(['GET /api/jobs/{id} declares no response schema']);
  });

  it('documents each declaration in the OpenAPI document with its body, params and query', () => {
    const doc = openApiDocument();
    type Op = { requestBody?: { content: Record<string, { schema: unknown }> }; parameters?: { name: string; in: string }[]; security?: unknown[]; responses: Record<string, unknown> };
    for (const e of ENDPOINTS) {
      const op = (doc.paths[e.path] as Record<string, Op> | undefined)?.[e.method];
      expect(op, key(e.method, e.path)).toBeDefined();
      if (e.body) expect(op!.requestBody?.content['application/json']?.schema, key(e.method, e.path)).toEqual(z.toJSONSchema(e.body, { io: 'input', unrepresentable: 'any' }));
      for (const m of e.path.matchAll(/\{(\w+)\}/g)) expect(op!.parameters?.some((p) => p.in === 'path' && p.name === m[1]), `${key(e.method, e.path)} {${m[1]}}`).toBe(true);
      if (e.public) expect(op!.security).toEqual([]);
      if (e.scope) expect(op!.responses['403'], key(e.method, e.path)).toBeDefined();
    }
    const job = (doc.paths['/api/jobs/{id}'] as Record<string, Op>).get;
    expect(job.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    const search = (doc.paths['/api/transactions/search'] as Record<string, Op>).get;
    expect(search.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['cursor', 'limit']));
  });
});
