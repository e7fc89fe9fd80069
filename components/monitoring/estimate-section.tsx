// Performance before labels: realised vs CBPE-estimated precision, recall and ROC-AUC per day, with the gap.
import { EstimateChart } from '@/components/monitoring/estimate-chart';
import { formatMetric } from '@/lib/format';
import { estimateRows, hasTraffic, largestGap, METRIC_NAMES, type EstimatedMetric, type EstimatePointInput } from '@/lib/charts/performance-estimate';

const METRICS: EstimatedMetric[] = ['precision', 'recall', 'rocAuc'];

export function EstimateSection({ points, precisionTarget, recallTarget }: { points: EstimatePointInput[]; precisionTarget: number | null; recallTarget: number | null }) {
  const floors: Record<EstimatedMetric, number | null> = { precision: precisionTarget, recall: recallTarget, rocAuc: null };
  return (
    <div className="card section" data-testid="estimate-section">
      <h2>Estimated vs realised</h2>
      <p className="muted small" data-testid="estimate-note">
        Estimated from the model&apos;s calibrated probabilities, before labels arrive (CBPE). Dashed: the estimate over every scored item of the day;
        solid: the realised value once labels arrive; bars: the gap (realised − estimated). An estimate below a target raises an alert.
      </p>
      {hasTraffic(points) ? (
        <div className="grid cols-2">
          {METRICS.map((m) => {
            const rows = estimateRows(points, m);
            const gap = largestGap(rows);
            return (
              <div key={m}>
                <EstimateChart metric={m} name={METRIC_NAMES[m]} rows={rows} floor={floors[m]} />
                <p className="muted small">Largest gap: {gap === null ? 'no day with both values yet' : formatMetric(gap)}</p>
              </div>
            );
          })}
        </div>
      ) : (
        <p className="muted" data-testid="estimate-empty">No scored traffic in this window, so there is nothing to estimate yet.</p>
      )}
    </div>
  );
}
