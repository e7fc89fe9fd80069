// Route declarations: drift, performance, shadow and monitoring settings (see system.ts for why they live here).
import { z } from 'zod';
import { DriftQuery, DriftSnapshotRequest } from '@/lib/schemas/drift';
import { MonitorSettingsInput, SettingsKeyParam, ShadowQuery } from '@/lib/schemas/monitoring';
import { defineEndpoint } from './endpoint';
import { DriftAnswer, MonitorSettingsView, PerformanceAnswer, ShadowAnswer } from '@/lib/schemas/responses/monitoring-series';
import { JobView } from '@/lib/schemas/responses/jobs';

// A client may send the colon of event:<type> percent-encoded.
const SettingsPath = z.preprocess((value) => {
  if (!value || typeof value !== 'object') return value;
  const { kind, ...rest } = value as Record<string, unknown>;
  return { kind: typeof kind === 'string' ? kind.replace(/^event%3a/i, 'event:') : kind, ...rest };
}, SettingsKeyParam);

export const MonitoringApi = {
  drift: defineEndpoint({ method: 'get', path: '/api/drift', summary: 'Drift snapshots over time for the serving versions (?kind&window, or ?eventType for an event type)', tag: 'Monitoring', scope: 'models:read', query: DriftQuery, response: DriftAnswer }),
  driftSnapshot: defineEndpoint({ method: 'post', path: '/api/drift/snapshots', summary: 'Compute drift snapshots now', tag: 'Monitoring', scope: 'models:train', body: DriftSnapshotRequest, bodyLimit: 10_000, status: 202, response: JobView }),
  performance: defineEndpoint({ method: 'get', path: '/api/monitoring/performance', summary: 'Labelled precision, recall, FPR and review rate per day (?kind, or ?eventType for an event type)', tag: 'Monitoring', scope: 'models:read', query: ShadowQuery, response: PerformanceAnswer }),
  shadow: defineEndpoint({ method: 'get', path: '/api/monitoring/shadow', summary: 'Champion versus challenger on the same traffic (?kind, or ?eventType for an event type)', tag: 'Monitoring', scope: 'models:read', query: ShadowQuery, response: ShadowAnswer }),
  settings: defineEndpoint({ method: 'get', path: '/api/monitoring/settings/{kind}', summary: 'Monitoring settings of a kind, or of an event type ({kind} = event:<type>)', tag: 'Monitoring', scope: 'models:read', params: SettingsPath, response: MonitorSettingsView }),
  updateSettings: defineEndpoint({ method: 'put', path: '/api/monitoring/settings/{kind}', summary: 'Drift and performance thresholds, retraining trigger (of a kind, or {kind} = event:<type>)', tag: 'Monitoring', scope: 'thresholds:write', params: SettingsPath, body: MonitorSettingsInput, bodyLimit: 10_000, response: MonitorSettingsView }),
};
