// Per-kind monitoring settings (drift levels, performance targets, retrain trigger). One row per kind, or per
// event type under event:<type>, created on first edit; until then the schema's defaults apply.
import type { Kind } from '@/lib/schemas/models';
import { settingsKeyOf } from '@/lib/schemas/scope';
import type { MonitorSettingsInput, SettingsKey } from '@/lib/schemas/monitoring';
import { recordAudit } from '../access/audit';
import { db } from '../platform/db';
import { resetExpectedRates } from '../decisions/expected-rate';
import { definitionOf } from '../events/event-types';
import { badRequest } from '../platform/http';
import type { Principal } from '../access/principal';

export const MONITOR_DEFAULTS = {
  psiWarn: 0.1, psiAlert: 0.25, driftShare: 0.5, precisionTarget: null as number | null, recallTarget: null as number | null,
  minLabels: 30, retrainEnabled: false, retrainOnDrift: true, retrainNewLabels: 200, lastRetrainAt: null as Date | null,
  expectedFraudRate: null as number | null,
};
export type MonitorSettings = typeof MONITOR_DEFAULTS & { kind: string; updatedAt: Date | null; updatedById: string | null };

export async function getMonitorSettings(key: Kind | string): Promise<MonitorSettings> {
  const kind = settingsKeyOf(key);
  const row = await db().monitorSetting.findUnique({ where: { kind } });
  return row ?? { kind, ...MONITOR_DEFAULTS, updatedAt: null, updatedById: null };
}

/** An event type's key names a type that exists (404 otherwise); kinds are fixed. */
export async function checkSettingsKey(key: SettingsKey): Promise<void> {
  if (key.startsWith('event:')) await definitionOf(key.slice('event:'.length));
}

export async function updateMonitorSettings(key: SettingsKey, input: MonitorSettingsInput, actor: Principal | null): Promise<MonitorSettings> {
  const kind = settingsKeyOf(key);
  const before = await getMonitorSettings(kind);
  const merged = { ...before, ...input };
  // Checked on the merged row: a PUT may change only one of the two levels.
  if (merged.psiWarn > merged.psiAlert) {
    throw badRequest('Settings are invalid.', { psiAlert: ['psiWarn must be ≤ psiAlert.'] });
  }
  const after = await db().monitorSetting.upsert({ where: { kind }, create: { kind, ...input, updatedById: actor?.id ?? null }, update: { ...input, updatedById: actor?.id ?? null } });
  const pick = (s: MonitorSettings) => Object.fromEntries(Object.keys(input).map((k) => [k, s[k as keyof MonitorSettings]]));
  if ('expectedFraudRate' in input) resetExpectedRates();
  await recordAudit(actor, { action: 'monitor.settings', targetType: 'monitorSetting', targetId: kind, before: pick(before), after: pick(after) });
  return after;
}
