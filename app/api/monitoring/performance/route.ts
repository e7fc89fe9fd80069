import { MonitoringApi } from '@/lib/server/api/monitoring';
import { performanceSeries } from '@/lib/server/monitoring/performance';
import { handle } from '@/lib/server/platform/api-route';

/** Labelled precision, recall, FPR and review rate per UTC day (of a kind, or ?eventType=); null where labels < minLabels. */
export const GET = handle(MonitoringApi.performance, async ({ query: { kind, days, eventType } }) => performanceSeries(kind, { days, eventType }));
