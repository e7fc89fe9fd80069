// Route declarations, grouped by OpenAPI tag. They live in lib/server (not lib/schemas) because they carry
// auth and limits, not only contracts; app/**/route.ts files import them and bind handlers (platform/api-route.ts).
import { defineEndpoint } from './endpoint';

export const SystemApi = {
  health: defineEndpoint({ method: 'get', path: '/api/health', summary: 'Database and worker reachability', tag: 'System', public: true }),
  openApi: defineEndpoint({ method: 'get', path: '/api/openapi.json', summary: 'This OpenAPI document', tag: 'System', public: true }),
  metrics: defineEndpoint({ method: 'get', path: '/api/metrics', summary: 'Prometheus metrics', tag: 'System', scope: 'overview:read' }),
};
