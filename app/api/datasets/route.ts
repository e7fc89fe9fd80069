import { DatasetsApi } from '@/lib/server/api/datasets';
import { listDatasetSummaries } from '@/lib/server/datasets';
import { handle } from '@/lib/server/platform/api-route';

export const GET = handle(DatasetsApi.list, async () => ({ datasets: await listDatasetSummaries() }));
