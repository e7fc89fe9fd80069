// Route declarations, grouped by OpenAPI tag. They live in lib/server (not lib/schemas) because they carry
// auth and limits, not only contracts; app/**/route.ts files import them and bind handlers (platform/api-route.ts).
import { defineEndpoint } from './endpoint';
import { Health, OpenApiDocument } from '@/lib/schemas/responses/system';

export const SystemApi = {
  health: defineEndpoint({ method: 'get', path: '/api/health', summary: 'Database and worker reachability', tag: 'System', public: true, response: Health }),
  openApi: defineEndpoint({ method: 'get', path: '/api/openapi.json', summary: 'This OpenAPI document', tag: 'System', public: true, response: OpenApiDocument }),
  // Prometheus text, not JSON: no response schema.
  metrics: defineEndpoint({ method: 'get', path: '/api/metrics', summary: 'Prometheus metrics', tag: 'System', scope: 'overview:read' }),
};
