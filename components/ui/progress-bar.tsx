export function ProgressBar({ value, label, testId, tone }: { value: number; label: string; testId?: string; tone?: 'ok' | 'danger' | 'muted' }) {
  const pct = Math.round(100 * Math.min(1, Math.max(0, value)));
  return (
    <div className={`progress-bar ${tone ?? ''}`} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} data-testid={testId}>
      <div style={{ width: `${pct}%` }} />
    </div>
  );
}
