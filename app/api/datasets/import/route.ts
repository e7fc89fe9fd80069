import { ImportQuery } from '@/lib/schemas/datasets';
import { requireScope } from '@/lib/server/auth';
import { assertCsvBody, importUpload, queryParams } from '@/lib/server/datasets';
import { json, parseWith, route } from '@/lib/server/http';

// POST /api/datasets/import?name=…&kind=…&label=…[&timestamp=…&id=…&aggregate=…], body: the raw CSV, streamed.
export const POST = route(async (req) => {
  const who = await requireScope(req, 'datasets:write');
  const query = parseWith(ImportQuery, queryParams(req), 'Query string');
  assertCsvBody(req);
  return json(await importUpload(req, query, who), 201);
});
