// Route declarations: datasets and imports (see system.ts for why they live here).
import { IdParam } from '@/lib/schemas/common';
import { ImportPathInput, PreviewPathInput, SnapshotLabelsRequest } from '@/lib/schemas/datasets';
import { defineEndpoint } from './endpoint';
import { DatasetList } from '@/lib/schemas/responses/datasets';
import { CsvPreview, DatasetVersionDetail, ImportAnswer, ImportedVersion, SnapshotAnswer } from '@/lib/schemas/responses/dataset-versions';

export const DatasetsApi = {
  list: defineEndpoint({ method: 'get', path: '/api/datasets', summary: 'Datasets with their versions', tag: 'Datasets', scope: 'datasets:read', response: DatasetList }),
  version: defineEndpoint({ method: 'get', path: '/api/datasets/versions/{id}', summary: 'A dataset version: schema, statistics and 50 preview rows', tag: 'Datasets', scope: 'datasets:read', params: IdParam, response: DatasetVersionDetail }),
  // The query names one of two forms (kind or eventType), so the handler parses it.
  importCsv: defineEndpoint({ method: 'post', path: '/api/datasets/import', summary: 'Import a CSV body (text/csv, streamed) as a new version; ?name&kind&label[&timestamp&id&aggregate], or ?name&eventType&label for events of a type', tag: 'Datasets', scope: 'datasets:write', rawBody: 'text/csv', status: 201, response: ImportAnswer }),
  importPath: defineEndpoint({ method: 'post', path: '/api/datasets/import-path', summary: 'Import a CSV file from a server path', tag: 'Datasets', scope: 'datasets:write', body: ImportPathInput, bodyLimit: 20_000, status: 201, response: ImportedVersion }),
  // Either body form: raw CSV (?partial=1 when only the start of a file is sent) or JSON { path }.
  preview: defineEndpoint({ method: 'post', path: '/api/datasets/preview', summary: 'Header, sample rows and column suggestions for a CSV body or a server path', tag: 'Datasets', scope: 'datasets:write', rawBody: 'text/csv', body: PreviewPathInput, bodyLimit: 20_000, response: CsvPreview }),
  snapshotLabels: defineEndpoint({ method: 'post', path: '/api/datasets/snapshot-labels', summary: 'Snapshot every labelled transaction ({kind}) or every labelled event of a type ({eventType}) as a new dataset version', tag: 'Datasets', scope: 'datasets:write', body: SnapshotLabelsRequest, bodyLimit: 10_000, status: 201, response: SnapshotAnswer }),
};
