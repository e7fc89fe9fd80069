import { SystemApi } from '@/lib/server/api/system';
import { openApiDocument } from '@/lib/server/platform/openapi';
import { handle } from '@/lib/server/platform/api-route';

export const GET = handle(SystemApi.openApi, async () => openApiDocument());
