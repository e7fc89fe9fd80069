'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { MonitorSettingsInput } from '@/lib/schemas/monitoring';
import { useSaveMonitorSettings } from '@/lib/client/monitoring';

type Settings = { psiWarn: number; psiAlert: number; driftShare: number; precisionTarget: number | null; recallTarget: number | null; minLabels: number; retrainEnabled: boolean; retrainOnDrift: boolean; retrainNewLabels: number };

const NUMBERS: { key: keyof Settings; label: string; step: number; optional?: boolean }[] = [
  { key: 'psiWarn', label: 'PSI warn', step: 0.01 },
  { key: 'psiAlert', label: 'PSI alert', step: 0.01 },
  { key: 'driftShare', label: 'Drifted share of features', step: 0.05 },
  { key: 'precisionTarget', label: 'Precision target (blank = none)', step: 0.01, optional: true },
  { key: 'recallTarget', label: 'Recall target (blank = none)', step: 0.01, optional: true },
  { key: 'minLabels', label: 'Min labels per point', step: 1 },
  { key: 'retrainNewLabels', label: 'Retrain after N new labels', step: 1 },
];

/** Engineers' thresholds for drift and performance alerts, and the retraining trigger. */
export function MonitorSettingsForm({ kind, initial }: { kind: string; initial: Settings }) {
  const router = useRouter();
  const save = useSaveMonitorSettings(kind);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(NUMBERS.map((f) => [f.key, initial[f.key] === null ? '' : String(initial[f.key])])));
  const [flags, setFlags] = useState({ retrainEnabled: initial.retrainEnabled, retrainOnDrift: initial.retrainOnDrift });
  const [error, setError] = useState<string | null>(null);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = { ...flags, ...Object.fromEntries(NUMBERS.map((f) => [f.key, values[f.key] === '' && f.optional ? null : Number(values[f.key])])) };
    const parsed = MonitorSettingsInput.safeParse(input);
    if (!parsed.success) return setError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    setError(null);
    save.mutate(parsed.data, { onSuccess: () => router.refresh() });
  }

  return (
    <form className="card section" onSubmit={submit} data-testid="monitor-settings">
      <h2>Alert thresholds and retraining · {kind}</h2>
      <div className="row">
        {NUMBERS.map((f) => (
          <div className="field" key={f.key}>
            <label htmlFor={`ms-${f.key}`}>{f.label}</label>
            <input id={`ms-${f.key}`} type="number" step={f.step} value={values[f.key]} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} style={{ width: 150 }} />
          </div>
        ))}
      </div>
      <div className="row" style={{ marginBottom: 12 }}>
        <label><input type="checkbox" checked={flags.retrainEnabled} onChange={(e) => setFlags({ ...flags, retrainEnabled: e.target.checked })} data-testid="ms-retrain" /> Retrain automatically (result is a candidate, never promoted)</label>
        <label><input type="checkbox" checked={flags.retrainOnDrift} onChange={(e) => setFlags({ ...flags, retrainOnDrift: e.target.checked })} /> …also after a drift alert</label>
      </div>
      {error || save.error ? <div className="alert error">{error ?? save.error?.message}</div> : null}
      {save.isSuccess ? <div className="alert success">Saved.</div> : null}
      <button className="btn primary" disabled={save.isPending} data-testid="ms-save">Save settings</button>
    </form>
  );
}
