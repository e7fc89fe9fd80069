'use client';
// Training vs expected production fraud rate, the bands on both scales, and what they do to today's traffic.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatCount, formatPercent } from '@/lib/format';
import { useSaveMonitorSettings } from '@/lib/client/monitoring';
import { MonitorSettingsInput } from '@/lib/schemas/monitoring';

export interface BaseRateView {
  method: string; fittedOn: number; trainRate: number | null;
  expected: { rate: number | null; source: string; scored?: number };
  bands: { review: number; block: number };
  bandsOnTrainingScale: { review: number; block: number };
  impact: { basis: 'traffic' | 'validation'; n: number; review: number; block: number } | null;
}

const SOURCE: Record<string, string> = {
  setting: 'set for this kind', traffic: 'estimated from the scores of the last 30 days (EM, no labels needed)',
  'kind default': 'default for this kind', training: 'none set: the training rate, no correction',
};

export function VersionBaseRate({ view, settingsKey, canWrite }: { view: BaseRateView; settingsKey: string; canWrite: boolean }) {
  const router = useRouter();
  const save = useSaveMonitorSettings(settingsKey);
  const [value, setValue] = useState(view.expected.source === 'setting' && view.expected.rate !== null ? String(view.expected.rate * 100) : '');
  const [error, setError] = useState<string | null>(null);
  const { expected, impact } = view;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = MonitorSettingsInput.safeParse({ expectedFraudRate: value.trim() === '' ? null : Number(value) / 100 });
    if (!parsed.success) return setError(parsed.error.issues.map((i) => i.message).join('; '));
    setError(null);
    save.mutate(parsed.data, { onSuccess: () => router.refresh() });
  }

  return (
    <div data-testid="base-rate">
      <table><tbody>
        <tr><td>Calibration</td><td className="mono" data-testid="calibration-method">{view.method}</td><td className="muted small">{view.fittedOn ? `fitted on ${formatCount(view.fittedOn)} held-out training rows` : 'not calibrated'}</td></tr>
        <tr><td>Training fraud rate</td><td className="mono" data-testid="train-rate">{formatPercent(view.trainRate, 2)}</td><td /></tr>
        <tr><td>Expected production rate</td><td className="mono" data-testid="expected-rate">{formatPercent(expected.rate ?? view.trainRate, 2)}</td><td className="muted small">{SOURCE[expected.source] ?? expected.source}{expected.scored ? ` (${formatCount(expected.scored)} items)` : ''}</td></tr>
        <tr><td>Review from</td><td className="mono">{view.bands.review.toFixed(4)}</td><td className="muted small">corrected probability; calibrated score {view.bandsOnTrainingScale.review.toFixed(4)} at the training rate</td></tr>
        <tr><td>Block from</td><td className="mono">{view.bands.block.toFixed(4)}</td><td className="muted small">corrected probability; calibrated score {view.bandsOnTrainingScale.block.toFixed(4)} at the training rate</td></tr>
      </tbody></table>
      <h3 style={{ marginTop: 14 }}>On today&apos;s traffic</h3>
      {impact ? (
        <p data-testid="band-impact">
          Expected review rate <strong className="mono" data-testid="impact-review">{formatPercent(impact.review, 2)}</strong>, block rate <strong className="mono" data-testid="impact-block">{formatPercent(impact.block, 2)}</strong>
          <span className="muted small"> · {impact.basis === 'traffic'
            ? `the last 24 h: ${formatCount(impact.n)} items this version scored`
            : `no traffic in the last 24 h: the validation split (${formatCount(impact.n)} rows) reweighted to the expected rate`}</span>
        </p>
      ) : <div className="empty">No traffic and no validation curve to estimate from.</div>}
      {canWrite ? (
        <form className="row" onSubmit={submit} data-testid="expected-rate-form" style={{ marginTop: 10 }}>
          <div className="field">
            <label htmlFor="expected-rate-input">Expected production fraud rate, % (blank = estimate)</label>
            <input id="expected-rate-input" type="number" step="any" min="0" max="100" value={value} onChange={(e) => setValue(e.target.value)} style={{ width: 150 }} />
          </div>
          <button className="btn" disabled={save.isPending} data-testid="expected-rate-save">Save for {settingsKey}</button>
          {error || save.error ? <div className="alert error">{error ?? save.error?.message}</div> : null}
        </form>
      ) : null}
    </div>
  );
}
