import { DatasetsApi } from '@/lib/server/api/datasets';
import { importPath } from '@/lib/server/datasets';
import { handle } from '@/lib/server/platform/api-route';

// Reads a file on the server (streamed): for files too large to upload through a browser.
export const POST = handle(DatasetsApi.importPath, async ({ body, principal }) => importPath(body, principal));
