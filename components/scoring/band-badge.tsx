// The decision band as a coloured badge: allow is green, review amber, block red.
const TONE: Record<string, string> = { allow: 'ok', review: 'warn', block: 'danger' };

export function BandBadge({ decision, testId }: { decision: string | null; testId?: string }) {
  if (!decision) return <span className="badge muted" data-testid={testId}>unscored</span>;
  return <span className={`badge band-badge ${TONE[decision] ?? 'muted'}`} data-testid={testId}>{decision}</span>;
}

export function LabelBadge({ label }: { label: string | null }) {
  if (!label) return <span className="muted small">–</span>;
  return <span className={`badge ${label === 'fraud' ? 'danger' : 'ok'}`}>{label}</span>;
}
