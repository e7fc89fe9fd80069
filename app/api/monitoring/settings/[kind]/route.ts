import { KindParam, MonitorSettingsInput } from '@/lib/schemas/monitoring';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, readJson, route } from '@/lib/server/http';
import { getMonitorSettings, updateMonitorSettings } from '@/lib/server/monitor-settings';

type Ctx = { params: Promise<{ kind: string }> };

export const GET = route<Ctx>(async (req, ctx) => {
  await requireScope(req, 'models:read');
  const { kind } = parseWith(KindParam, await ctx.params, 'Path');
  return json(await getMonitorSettings(kind));
});

/** Engineers set drift levels, performance targets and the retrain trigger per kind; audited. */
export const PUT = route<Ctx>(async (req, ctx) => {
  const who = await requireScope(req, 'thresholds:write');
  const { kind } = parseWith(KindParam, await ctx.params, 'Path');
  const input = await readJson(req, MonitorSettingsInput, 10_000);
  return json(await updateMonitorSettings(kind, input, who));
});
