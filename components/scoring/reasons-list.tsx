// Reason codes as a bar list: the bar is the contribution relative to the strongest reason; red pushes risk up.
import { contributionBars } from '@/lib/charts/gauge';
import type { Reason } from '@/lib/client/scoring';

export function ReasonsList({ reasons, testId, empty = 'No reasons: the model saw nothing unusual.' }: { reasons: Reason[]; testId?: string; empty?: string }) {
  if (!reasons.length) return <p className="muted small" data-testid={testId}>{empty}</p>;
  return (
    <ol className="reasons" data-testid={testId}>
      {contributionBars(reasons).map((r) => (
        <li key={r.feature + r.text} title={`${r.feature}: ${r.contribution >= 0 ? '+' : ''}${r.contribution.toFixed(3)}`}>
          <div className="reason-text">{r.text}</div>
          <div className="reason-bar-row">
            <div className="reason-track"><div className={`reason-bar ${r.direction}`} style={{ width: `${r.widthPct}%` }} /></div>
            <span className="mono small muted">{r.contribution >= 0 ? '+' : ''}{r.contribution.toFixed(2)}</span>
          </div>
        </li>
      ))}
    </ol>
  );
}
