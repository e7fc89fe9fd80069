import { DatasetsApi } from '@/lib/server/api/datasets';
import { snapshotLabels } from '@/lib/server/datasets';
import { snapshotEventLabels } from '@/lib/server/events';
import { handle } from '@/lib/server/platform/api-route';

export const POST = handle(DatasetsApi.snapshotLabels, async ({ body, principal }) => ('eventType' in body ? snapshotEventLabels(body, principal) : snapshotLabels(body, principal)));
