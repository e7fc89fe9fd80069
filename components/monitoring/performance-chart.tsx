'use client';
// Labelled precision, recall, FPR and review rate per day; lines break where labels were too few.
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { performanceRows } from '@/lib/charts/monitoring';
import { EmptyChart, hasNoValues } from '@/components/ui/empty-chart';
import { formatMetric } from '@/lib/format';

type Row = ReturnType<typeof performanceRows>[number];

export function PerformanceChart({ rows, precisionTarget, recallTarget }: { rows: Row[]; precisionTarget: number | null; recallTarget: number | null }) {
  if (hasNoValues(rows, ['precision', 'recall', 'fpr', 'reviewRate'])) return <EmptyChart reason="No labelled days yet" next="Labels from the review queue appear here, one point per UTC day once a day has enough of them." height={300} testId="performance-chart-empty" />;
  const tick = { fontSize: 11, fill: '#5d6b7c' };
  return (
    <div className="chart" data-testid="performance-chart">
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 4 }}>
          <CartesianGrid stroke="#eef1f5" />
          <XAxis dataKey="label" tick={tick} />
          <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tick={tick} width={40} />
          <Tooltip formatter={(v, name) => [v === null || v === undefined ? 'too few labels' : formatMetric(Number(v)), String(name)]} labelFormatter={(l, payload) => `${String(l)} UTC · ${payload?.[0]?.payload?.labels ?? 0} labels`} />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          {precisionTarget !== null ? <ReferenceLine y={precisionTarget} stroke="#1971c2" strokeDasharray="4 4" /> : null}
          {recallTarget !== null ? <ReferenceLine y={recallTarget} stroke="#2f9e44" strokeDasharray="4 4" /> : null}
          <Line dataKey="precision" name="Precision" stroke="#1971c2" strokeWidth={2} connectNulls={false} isAnimationActive={false} />
          <Line dataKey="recall" name="Recall" stroke="#2f9e44" strokeWidth={2} connectNulls={false} isAnimationActive={false} />
          <Line dataKey="fpr" name="False-positive rate" stroke="#c92a2a" strokeWidth={2} connectNulls={false} isAnimationActive={false} />
          <Line dataKey="reviewRate" name="Review rate" stroke="#e8590c" strokeDasharray="5 3" strokeWidth={2} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
