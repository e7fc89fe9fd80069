// The endpoint list (OpenAPI document, and the proxy's 405 answers) must match the route files exactly.
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '@/lib/server/openapi-endpoints';
import { openApiDocument } from '@/lib/server/openapi';
import { exportedMethods, routeFiles, UNLISTED_ROUTES } from './route-files';

describe('endpoint list', () => {
  it('lists every method of every route file, and nothing else', async () => {
    const fromFiles: string[] = [];
    for (const r of routeFiles()) {
      if (UNLISTED_ROUTES.includes(r.path)) continue;
      for (const m of await exportedMethods(r.file)) fromFiles.push(`${m} ${r.path}`);
    }
    const listed = ENDPOINTS.map((e) => `${e.method.toUpperCase()} ${e.path}`);
    expect([...new Set(listed)].sort()).toEqual([...new Set(fromFiles)].sort());
    expect(listed.length).toBe(new Set(listed).size);
  });

  it('documents each listed endpoint in the OpenAPI document', () => {
    const doc = openApiDocument();
    for (const e of ENDPOINTS) expect(doc.paths[e.path]?.[e.method], `${e.method} ${e.path}`).toBeDefined();
  });
});
