import { EventImportQuery, ImportQuery } from '@/lib/schemas/datasets';
import { DatasetsApi } from '@/lib/server/api/datasets';
import { assertCsvBody, importEventUpload, importUpload, queryParams } from '@/lib/server/datasets';
import { parseWith } from '@/lib/server/platform/http';
import { handle } from '@/lib/server/platform/api-route';

// POST /api/datasets/import?name=…&kind=…&label=…[&timestamp=…&id=…&aggregate=…], body: the raw CSV, streamed.
// With eventType=… instead of kind: events of that type (?name&eventType&label).
export const POST = handle(DatasetsApi.importCsv, async ({ req, principal }) => {
  const params = queryParams(req);
  if ('eventType' in params) {
    const query = parseWith(EventImportQuery, params, 'Query string');
    assertCsvBody(req);
    return importEventUpload(req, query, principal);
  }
  const query = parseWith(ImportQuery, params, 'Query string');
  assertCsvBody(req);
  return importUpload(req, query, principal);
});
