import { SystemApi } from '@/lib/server/api/system';
import { json } from '@/lib/server/platform/http';
import { checkHealth } from '@/lib/server/platform/health';
import { handle } from '@/lib/server/platform/api-route';

export const dynamic = 'force-dynamic';

/** Public liveness: 200 while the database answers (worker state is reported, not fatal); 503 when it does not. */
export const GET = handle(SystemApi.health, async () => {
  const health = await checkHealth();
  return json(health, health.database.ok ? 200 : 503);
});
