// The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with.
import { z } from 'zod';
import { ApiErrorBody } from '@/lib/schemas/common';
import { Seed000TrainBody } from '@/lib/schemas/compat';
import { PromoteInput, RollbackInput, StageInput } from '@/lib/schemas/models';
import { CreateTokenInput } from '@/lib/schemas/tokens';
import { TrainRequest } from '@/lib/schemas/training';
import type { Scope } from './rbac';

export interface Endpoint {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  scope?: Scope;
  body?: z.ZodType;
  public?: boolean;
}

export const ENDPOINTS: Endpoint[] = [
  { method: 'get', path: '/api/health', summary: 'Database and worker reachability', tag: 'System', public: true },
  { method: 'get', path: '/api/me', summary: "The caller's identity and role", tag: 'Auth' },
  { method: 'get', path: '/api/tokens', summary: 'List API tokens', tag: 'Auth', scope: 'tokens:manage' },
  { method: 'post', path: '/api/tokens', summary: 'Create an API token (its secret is returned once)', tag: 'Auth', scope: 'tokens:manage', body: CreateTokenInput },
  { method: 'delete', path: '/api/tokens/{id}', summary: 'Revoke an API token', tag: 'Auth', scope: 'tokens:manage' },
  { method: 'get', path: '/api/models', summary: 'Models grouped by kind, with production and best candidate', tag: 'Registry', scope: 'models:read' },
  { method: 'get', path: '/api/models/versions/{id}', summary: 'A model version with metrics, curves and audit history', tag: 'Registry', scope: 'models:read' },
  { method: 'post', path: '/api/models/versions/{id}/promote', summary: 'Promote to production (archives the previous one)', tag: 'Registry', scope: 'models:promote', body: PromoteInput },
  { method: 'post', path: '/api/models/versions/{id}/stage', summary: 'Move a version to candidate, shadow, production or archived', tag: 'Registry', scope: 'models:promote', body: StageInput },
  { method: 'post', path: '/api/models/rollback', summary: "Put a kind's previous production version back", tag: 'Registry', scope: 'models:promote', body: RollbackInput },
  { method: 'get', path: '/api/models/compare', summary: 'Compare 2–4 versions (?ids=a,b)', tag: 'Registry', scope: 'models:read' },
  { method: 'post', path: '/api/training/jobs', summary: 'Queue a training job', tag: 'Training', scope: 'models:train', body: TrainRequest },
  { method: 'get', path: '/api/training/jobs/{id}', summary: 'A training job with progress', tag: 'Training', scope: 'jobs:read' },
  { method: 'post', path: '/api/jobs/{id}/cancel', summary: 'Cancel a queued or running job', tag: 'Training', scope: 'jobs:write' },
  { method: 'get', path: '/model/registry/all', summary: 'Seed 000: all email models', tag: 'Compatibility', scope: 'models:read' },
  { method: 'get', path: '/model/registry/{id}', summary: 'Seed 000: one email model', tag: 'Compatibility', scope: 'models:read' },
  { method: 'post', path: '/model/train', summary: 'Seed 000: train an email model', tag: 'Compatibility', scope: 'models:train', body: Seed000TrainBody },
  { method: 'get', path: '/model/tasks/{id}', summary: 'Seed 000: training task state or result', tag: 'Compatibility', scope: 'jobs:read' },
  { method: 'put', path: '/model/set_main/{id}', summary: 'Seed 000: make a model the main one', tag: 'Compatibility', scope: 'models:promote' },
];

const errorRef = { $ref: '#/components/schemas/Error' };
const errors = (e: Endpoint) => ({
  '400': { description: 'Invalid input; `fields` names each problem', content: { 'application/json': { schema: errorRef } } },
  ...(e.public ? {} : { '401': { description: 'No or bad credentials', content: { 'application/json': { schema: errorRef } } } }),
  ...(e.scope ? { '403': { description: `Needs the ${e.scope} permission`, content: { 'application/json': { schema: errorRef } } } } : {}),
});

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    const params = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    (paths[e.path] ??= {})[e.method] = {
      summary: e.summary,
      tags: [e.tag],
      ...(e.scope ? { description: `Requires the \`${e.scope}\` permission.` } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(e.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(e.body, { io: 'input', unrepresentable: 'any' }) } } } } : {}),
      ...(e.public ? { security: [] } : {}),
      responses: { '200': { description: 'OK' }, ...errors(e) },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Vigil API', version: '0.1.0', description: 'Fraud operations: scoring, review, training and the model registry. Errors are `{ error: { code, message, fields? } }`.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token; the bare `Authorization: <token>` form is accepted too.' },
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
      },
      schemas: { Error: z.toJSONSchema(ApiErrorBody) },
    },
    paths,
  };
}
