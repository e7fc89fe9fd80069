const TONE: Record<string, string> = { production: 'ok', shadow: 'warn', candidate: '', archived: 'muted' };

export function StageBadge({ stage, testId }: { stage: string; testId?: string }) {
  return <span className={`badge ${TONE[stage] ?? ''}`} data-testid={testId}>{stage}</span>;
}
