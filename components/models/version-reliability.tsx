'use client';
// Reliability before and after calibration, on the validation split, against the diagonal.
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CalibrationRow } from '@/lib/charts/calibration';
import { reliabilityRows } from '@/lib/charts/reliability';
import { EmptyChart } from '@/components/ui/empty-chart';

export function VersionReliabilityChart({ before, after }: { before: CalibrationRow[]; after: CalibrationRow[] }) {
  if (!before.length && !after.length) return <EmptyChart reason="No reliability bins stored" next="Bins are measured on the validation split at training; retrain with a validation split." height={260} testId="reliability-chart-empty" />;
  const tick = { fontSize: 11, fill: '#5d6b7c' };
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const rows = reliabilityRows(before, after);
  return (
    <div className="chart" data-testid="reliability-chart">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 22, left: 4 }}>
          <CartesianGrid stroke="#eef1f5" />
          <XAxis type="number" dataKey="predicted" domain={[0, 1]} ticks={ticks} tick={tick} label={{ value: 'Mean predicted probability', position: 'insideBottom', offset: -12, fontSize: 12, fill: '#5d6b7c' }} />
          <YAxis type="number" domain={[0, 1]} ticks={ticks} tick={tick} width={40} />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#b8c1cc" strokeDasharray="4 4" />
          <Tooltip formatter={(v, name) => [Number(v).toFixed(3), String(name)]} labelFormatter={(x) => `Predicted ${Number(x).toFixed(3)}`} />
          <Legend verticalAlign="top" height={24} />
          <Line dataKey="before" connectNulls name="Before calibration" stroke="#adb5bd" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          {after.length ? <Line dataKey="after" connectNulls name="After calibration" stroke="#e8590c" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} /> : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
