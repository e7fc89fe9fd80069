import { MonitorSettingsInput, SettingsKeyParam } from '@/lib/schemas/monitoring';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, readJson, route } from '@/lib/server/http';
import { checkSettingsKey, getMonitorSettings, updateMonitorSettings } from '@/lib/server/monitor-settings';

type Ctx = { params: Promise<{ kind: string }> };

// A client may send the colon of event:<type> percent-encoded.
const keyOf = async (ctx: Ctx) => {
  const { kind, ...rest } = await ctx.params;
  return parseWith(SettingsKeyParam, { kind: typeof kind === 'string' ? kind.replace(/^event%3a/i, 'event:') : kind, ...rest }, 'Path').kind;
};

/** {kind}: email, transaction, tabular, or event:<type> for an event type (404 when the type does not exist). */
export const GET = route<Ctx>(async (req, ctx) => {
  await requireScope(req, 'models:read');
  const kind = await keyOf(ctx);
  await checkSettingsKey(kind);
  return json(await getMonitorSettings(kind));
});

/** Engineers set drift levels, performance targets and the retrain trigger per kind or event type; audited. */
export const PUT = route<Ctx>(async (req, ctx) => {
  const who = await requireScope(req, 'thresholds:write');
  const kind = await keyOf(ctx);
  const input = await readJson(req, MonitorSettingsInput, 10_000);
  await checkSettingsKey(kind);
  return json(await updateMonitorSettings(kind, input, who));
});
