import { MonitoringApi } from '@/lib/server/api/monitoring';
import { checkSettingsKey, getMonitorSettings, updateMonitorSettings } from '@/lib/server/monitoring/monitor-settings';
import { handle } from '@/lib/server/platform/api-route';

/** {kind}: email, transaction, tabular, or event:<type> for an event type (404 when the type does not exist). */
export const GET = handle(MonitoringApi.settings, async ({ params: { kind } }) => {
  await checkSettingsKey(kind);
  return getMonitorSettings(kind);
});

/** Engineers set drift levels, performance targets and the retrain trigger per kind or event type; audited. */
export const PUT = handle(MonitoringApi.updateSettings, async ({ params: { kind }, body, principal }) => {
  await checkSettingsKey(kind);
  return updateMonitorSettings(kind, body, principal);
});
