import { DatasetsApi } from '@/lib/server/api/datasets';
import { getVersionDetail } from '@/lib/server/datasets';
import { handle } from '@/lib/server/platform/api-route';

export const GET = handle(DatasetsApi.version, async ({ params }) => getVersionDetail(params.id));
