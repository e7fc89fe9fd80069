import { z } from 'zod';
import { PreviewPathInput } from '@/lib/schemas/datasets';
import { requireScope } from '@/lib/server/auth';
import { isJsonBody, previewPath, previewUpload, queryParams } from '@/lib/server/datasets';
import { json, parseWith, readJson, route } from '@/lib/server/http';

// The same two body forms as the imports (raw CSV, or JSON { path }); only the first 64 KB is read.
const PreviewQuery = z.object({ partial: z.enum(['0', '1']).optional() }).passthrough();

export const POST = route(async (req) => {
  await requireScope(req, 'datasets:write');
  if (isJsonBody(req)) return json(await previewPath(await readJson(req, PreviewPathInput, 20_000)));
  const { partial } = parseWith(PreviewQuery, queryParams(req), 'Query string');
  return json(await previewUpload(req, partial === '1'));
});
