'use client';
// Precision, recall and review rate (left axis) and expected cost (right axis) against the threshold.
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SweepRow } from '@/lib/charts/monitoring';
import { formatCount } from '@/lib/format';
import { EmptyChart } from '@/components/ui/empty-chart';

export function SweepChart({ rows, threshold }: { rows: SweepRow[]; threshold: number | null }) {
  if (!rows.length) return <EmptyChart reason="No threshold sweep yet" next="The sweep needs labelled items this version scored; label items in the review queue." height={260} testId="sweep-chart-empty" />;
  const tick = { fontSize: 11, fill: '#5d6b7c' };
  return (
    <div className="chart" data-testid="sweep-chart">
      <ResponsiveContainer width="100%" height={320}>
        <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 22, left: 4 }}>
          <CartesianGrid stroke="#eef1f5" />
          <XAxis type="number" dataKey="threshold" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tick={tick} label={{ value: 'Threshold', position: 'insideBottom', offset: -12, fontSize: 12, fill: '#5d6b7c' }} />
          <YAxis yAxisId="rate" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tick={tick} width={40} />
          <YAxis yAxisId="cost" orientation="right" tick={tick} width={56} />
          <Tooltip formatter={(v, name) => [name === 'Expected cost' ? formatCount(Number(v)) : Number(v).toFixed(3), String(name)]} labelFormatter={(x) => `Threshold ${Number(x).toFixed(2)}`} />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          {threshold !== null ? <ReferenceLine yAxisId="rate" x={threshold} stroke="#1d2733" strokeDasharray="4 3" label={{ value: threshold.toFixed(3), position: 'top', fontSize: 11 }} /> : null}
          <Line yAxisId="rate" dataKey="precision" name="Precision" stroke="#1971c2" dot={false} strokeWidth={2} isAnimationActive={false} />
          <Line yAxisId="rate" dataKey="recall" name="Recall" stroke="#2f9e44" dot={false} strokeWidth={2} isAnimationActive={false} />
          <Line yAxisId="rate" dataKey="reviewRate" name="Review rate" stroke="#e8590c" dot={false} strokeWidth={2} isAnimationActive={false} />
          <Line yAxisId="cost" dataKey="cost" name="Expected cost" stroke="#862e9c" dot={false} strokeDasharray="6 3" strokeWidth={2} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
