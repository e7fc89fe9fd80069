import { SystemApi } from '@/lib/server/api/system';
import { renderMetrics } from '@/lib/server/platform/metrics';
import { handle } from '@/lib/server/platform/api-route';

export const dynamic = 'force-dynamic';

/** Prometheus text format; scrape with a viewer token (`Authorization: Bearer …`). */
export const GET = handle(SystemApi.metrics, async () => {
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { 'content-type': contentType } });
});
