// Datasets service: immutable versions (store), CSV imports and previews (import), label snapshots (labels).
export * from './store';
export { importEventUpload, importPath, importUpload, previewPath, previewUpload, importLimits, PREVIEW_BYTES } from './import';
export { labelsDatasetName, labelledTransactionRows } from './labels';
export { snapshotLabels } from './labels-snapshot';
export { ingestCsv } from './ingest';

import { ApiError } from '../platform/http';
import { listDatasets } from './store';

/** Query-string parameters as an object; blank values count as absent. */
export function queryParams(req: Request): Record<string, string> {
  return Object.fromEntries([...new URL(req.url).searchParams.entries()].filter(([, v]) => v.trim() !== ''));
}

/** Import bodies are raw CSV; a JSON or multipart body is a client mistake worth naming. */
export function assertCsvBody(req: Request) {
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || type.startsWith('multipart/') || type === 'application/x-www-form-urlencoded') {
    throw new ApiError(415, 'unsupported_media_type', `Send the raw CSV as the body with content-type text/csv, not ${type}.`);
  }
}

export const isJsonBody = (req: Request) => (req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json');

export async function listDatasetSummaries() {
  const datasets = await listDatasets();
  return datasets.map((d) => ({ ...d, latest: d.versions[0] ?? null }));
}
