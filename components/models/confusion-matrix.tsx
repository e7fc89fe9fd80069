// The 2×2 confusion matrix at the threshold: rows are the truth, columns what the model decided.
import type { ConfusionCell } from '@/lib/charts/confusion';
import { formatCount, formatPercent } from '@/lib/format';

function Cell({ c }: { c: ConfusionCell }) {
  return (
    <div className={`cm-cell ${c.tone}`} data-testid={`cm-${c.key}`}>
      <div className="cm-count">{formatCount(c.count)}</div>
      <div className="cm-label">{c.label}</div>
      <div className="cm-share">{formatPercent(c.rowShare)} of row</div>
    </div>
  );
}

export function ConfusionMatrix({ cells, threshold, testId = 'confusion-matrix' }: { cells: ConfusionCell[]; threshold: number; testId?: string }) {
  if (cells.length !== 4) return <div className="empty">No confusion matrix was stored with this version.</div>;
  const [tp, fn, fp, tn] = cells;
  return (
    <div className="cm" data-testid={testId}>
      <div className="cm-caption">Decision at threshold {threshold.toFixed(3)}</div>
      <div className="cm-grid">
        <div />
        <div className="cm-head">Flagged</div>
        <div className="cm-head">Passed</div>
        <div className="cm-side">Actual fraud</div>
        <Cell c={tp} />
        <Cell c={fn} />
        <div className="cm-side">Actual legit</div>
        <Cell c={fp} />
        <Cell c={tn} />
      </div>
    </div>
  );
}
