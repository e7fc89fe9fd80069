import { EventImportQuery, ImportQuery } from '@/lib/schemas/datasets';
import { requireScope } from '@/lib/server/auth';
import { assertCsvBody, importEventUpload, importUpload, queryParams } from '@/lib/server/datasets';
import { json, parseWith, route } from '@/lib/server/http';

// POST /api/datasets/import?name=…&kind=…&label=…[&timestamp=…&id=…&aggregate=…], body: the raw CSV, streamed.
// With eventType=… instead of kind: events of that type (?name&eventType&label).
export const POST = route(async (req) => {
  const who = await requireScope(req, 'datasets:write');
  const params = queryParams(req);
  if ('eventType' in params) {
    const query = parseWith(EventImportQuery, params, 'Query string');
    assertCsvBody(req);
    return json(await importEventUpload(req, query, who), 201);
  }
  const query = parseWith(ImportQuery, params, 'Query string');
  assertCsvBody(req);
  return json(await importUpload(req, query, who), 201);
});
