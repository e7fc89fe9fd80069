// Prometheus metrics (prom-client). Request and score counters live in this process; queue depth, job
// and model gauges are read from the database at scrape time, so every web instance reports the same.
import client from 'prom-client';
import { db } from './db';

const globalForMetrics = globalThis as unknown as { vigilMetrics?: ReturnType<typeof createMetrics> };

function createMetrics() {
  const registry = new client.Registry();
  registry.setDefaultLabels({ app: 'vigil' });
  client.collectDefaultMetrics({ register: registry });
  const requests = new client.Counter({ name: 'vigil_http_requests_total', help: 'HTTP requests by route, method and status', labelNames: ['route', 'method', 'status'], registers: [registry] });
  const latency = new client.Histogram({ name: 'vigil_http_request_duration_seconds', help: 'HTTP request latency by route', labelNames: ['route', 'method'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry] });
  const scores = new client.Counter({ name: 'vigil_scores_total', help: 'Scored items by kind and decision band', labelNames: ['kind', 'band'], registers: [registry] });
  const jobs = new client.Gauge({ name: 'vigil_jobs', help: 'Jobs by type and status', labelNames: ['type', 'status'], registers: [registry] });
  const jobDuration = new client.Gauge({ name: 'vigil_job_duration_seconds_avg', help: 'Mean duration of jobs finished in the last hour', labelNames: ['type'], registers: [registry] });
  const queue = new client.Gauge({ name: 'vigil_review_queue_depth', help: 'Unlabelled review and block items', registers: [registry] });
  const models = new client.Gauge({ name: 'vigil_model_version_info', help: 'Serving model versions (value 1)', labelNames: ['slot', 'stage', 'version_id', 'version', 'algorithm'], registers: [registry] });
  return { registry, requests, latency, scores, jobs, jobDuration, queue, models };
}

export const metrics = () => (globalForMetrics.vigilMetrics ??= createMetrics());

/** Ids in paths become ":id" so the route label stays low-cardinality. */
export function routeLabel(pathname: string): string {
  return pathname
    .split('/')
    .map((seg) => (/^(c[a-z0-9]{20,}|[0-9a-f-]{32,36}|\d+|vgl_.*|.+@.+)$/i.test(seg) ? ':id' : seg))
    .join('/');
}

export function observeRequest(req: Request, status: number, seconds: number) {
  const m = metrics();
  const route = routeLabel(new URL(req.url).pathname);
  m.requests.inc({ route, method: req.method, status: String(status) });
  m.latency.observe({ route, method: req.method }, seconds);
}

export const countScore = (kind: string, band: string, n = 1) => metrics().scores.inc({ kind, band }, n);

export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  const hourAgo = new Date(Date.now() - 3_600_000);
  const [jobCounts, finished, queueDepth, serving] = await Promise.all([
    db().job.groupBy({ by: ['type', 'status'], _count: { _all: true } }),
    db().job.findMany({ where: { finishedAt: { gte: hourAgo }, startedAt: { not: null } }, select: { type: true, startedAt: true, finishedAt: true } }),
    db().event.count({ where: { label: null, decision: { in: ['review', 'block'] } } }),
    db().modelVersion.findMany({ where: { stage: { in: ['production', 'shadow'] } }, select: { id: true, servingSlot: true, stage: true, version: true, algorithm: true } }),
  ]);
  m.jobs.reset();
  for (const j of jobCounts) m.jobs.set({ type: j.type, status: j.status }, j._count._all);
  m.jobDuration.reset();
  const byType = new Map<string, number[]>();
  for (const j of finished) byType.set(j.type, [...(byType.get(j.type) ?? []), (j.finishedAt!.getTime() - j.startedAt!.getTime()) / 1000]);
  for (const [type, ds] of byType) m.jobDuration.set({ type }, ds.reduce((a, b) => a + b, 0) / ds.length);
  m.queue.set(queueDepth);
  m.models.reset();
  for (const v of serving) m.models.set({ slot: v.servingSlot, stage: v.stage, version_id: v.id, version: String(v.version), algorithm: v.algorithm }, 1);
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
