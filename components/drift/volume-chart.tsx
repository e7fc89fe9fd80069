'use client';
// Transactions per window (bars) and the share flagged for review or block (line, right axis).
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { VolumePoint } from '@/lib/charts/drift';
import { formatCount } from '@/lib/format';
import { EmptyChart } from '@/components/ui/empty-chart';

export function VolumeChart({ points }: { points: VolumePoint[] }) {
  if (!points.length) return <EmptyChart reason="No drift windows computed yet" next="Volume per window appears after the drift job has run over scored traffic." height={220} testId="drift-volume-chart-empty" />;
  const tick = { fontSize: 11, fill: '#5d6b7c' };
  return (
    <div className="chart" data-testid="volume-chart">
      <ResponsiveContainer width="100%" height={220}>
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="#eef1f5" />
          <XAxis dataKey="label" tick={tick} minTickGap={16} />
          <YAxis yAxisId="n" tick={tick} width={48} allowDecimals={false} />
          <YAxis yAxisId="r" orientation="right" tick={tick} width={44} unit="%" />
          <Tooltip formatter={(v, name) => (name === 'Flag rate' ? [`${Number(v).toFixed(2)}%`, name] : [formatCount(Number(v)), name])} />
          <Legend />
          <Bar yAxisId="n" dataKey="count" name="Transactions" fill="#a5b4c8" isAnimationActive={false} />
          <Line yAxisId="r" dataKey="flagRate" name="Flag rate" stroke="#e8590c" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
