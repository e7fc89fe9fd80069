// The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with.
import { z } from 'zod';
import { ApiErrorBody } from '@/lib/schemas/common';
import { ENDPOINTS, type Endpoint } from './openapi-endpoints';

export { ENDPOINTS };

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
