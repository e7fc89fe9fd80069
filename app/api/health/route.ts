import { json, route } from '@/lib/server/http';
import { checkHealth } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

/** Public liveness: 200 while the database answers (worker state is reported, not fatal); 503 when it does not. */
export const GET = route(async () => {
  const health = await checkHealth();
  return json(health, health.database.ok ? 200 : 503);
});
