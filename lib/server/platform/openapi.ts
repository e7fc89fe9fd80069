// The OpenAPI 3.1 document, generated from the route declarations (lib/server/api): the same zod schemas the
// handlers validate params, query and body with, and the response contracts of lib/schemas.
import { z } from 'zod';
import { ApiErrorBody } from '@/lib/schemas/common';
import { ENDPOINTS, type Endpoint } from '../api';

export { ENDPOINTS };

const toSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;

const errorRef = { $ref: '#/components/schemas/Error' };
const errorAnswer = (description: string) => ({ description, content: { 'application/json': { schema: errorRef } } });
const errors = (e: Endpoint) => ({
  '400': errorAnswer('Invalid input; `fields` names each problem'),
  ...(e.public ? {} : { '401': errorAnswer('No or bad credentials') }),
  ...(e.scope ? { '403': errorAnswer(`Needs the ${e.scope} permission`) } : {}),
  ...(e.body && !e.rawBody && !e.anyContentType ? { '413': errorAnswer('Body over the size limit'), '415': errorAnswer('Body not sent as application/json') } : {}),
});

/** The properties of an object schema's JSON Schema, or none for other shapes (unions, pipes). */
function propertiesOf(schema: z.ZodType | undefined): { props: Record<string, unknown>; required: Set<string> } {
  if (!schema) return { props: {}, required: new Set() };
  const json = toSchema(schema, 'input');
  return { props: (json.properties as Record<string, unknown>) ?? {}, required: new Set((json.required as string[]) ?? []) };
}

interface Parameter { name: string; in: 'path' | 'query'; required: boolean; schema: unknown }

function parameters(e: Endpoint): Parameter[] {
  const path = propertiesOf(e.params);
  const inPath: Parameter[] = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: path.props[m[1]] ?? { type: 'string' } }));
  const query = propertiesOf(e.query);
  const inQuery: Parameter[] = Object.entries(query.props).map(([name, schema]) => ({ name, in: 'query', required: query.required.has(name), schema }));
  return inPath.concat(inQuery);
}

function requestBody(e: Endpoint) {
  const content: Record<string, { schema: unknown }> = {};
  if (e.body) content['application/json'] = { schema: toSchema(e.body, 'input') };
  if (e.rawBody) content[e.rawBody] = { schema: { type: 'string' } };
  return Object.keys(content).length ? { requestBody: { required: !e.bodyOptional, content } } : {};
}

function operation(e: Endpoint) {
  const params = parameters(e);
  const ok = { description: 'OK', ...(e.response ? { content: { 'application/json': { schema: toSchema(e.response, 'output') } } } : {}) };
  return {
    summary: e.summary,
    tags: [e.tag],
    ...(e.scope ? { description: `Requires the \`${e.scope}\` permission.` } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...requestBody(e),
    ...(e.public ? { security: [] } : {}),
    responses: { [String(e.status ?? 200)]: ok, ...errors(e) },
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) (paths[e.path] ??= {})[e.method] = operation(e);
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
