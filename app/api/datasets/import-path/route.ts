import { ImportPathInput } from '@/lib/schemas/datasets';
import { requireScope } from '@/lib/server/auth';
import { importPath } from '@/lib/server/datasets';
import { json, readJson, route } from '@/lib/server/http';

// Reads a file on the server (streamed): for files too large to upload through a browser.
export const POST = route(async (req) => {
  const who = await requireScope(req, 'datasets:write');
  const input = await readJson(req, ImportPathInput, 20_000);
  return json(await importPath(input, who), 201);
});
