import { z } from 'zod';
import { DatasetsApi } from '@/lib/server/api/datasets';
import { isJsonBody, previewPath, previewUpload, queryParams } from '@/lib/server/datasets';
import { parseWith } from '@/lib/server/platform/http';
import { handle } from '@/lib/server/platform/api-route';

// The same two body forms as the imports (raw CSV, or JSON { path }); only the first 64 KB is read.
const PreviewQuery = z.object({ partial: z.enum(['0', '1']).optional() }).passthrough();

export const POST = handle(DatasetsApi.preview, async ({ req, readBody }) => {
  if (isJsonBody(req)) return previewPath(await readBody());
  const { partial } = parseWith(PreviewQuery, queryParams(req), 'Query string');
  return previewUpload(req, partial === '1');
});
