import { requireScope } from '@/lib/server/auth';
import { route } from '@/lib/server/http';
import { renderMetrics } from '@/lib/server/metrics';

export const dynamic = 'force-dynamic';

/** Prometheus text format; scrape with a viewer token (`Authorization: Bearer …`). */
export const GET = route(async (req) => {
  await requireScope(req, 'overview:read');
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { 'content-type': contentType } });
});
