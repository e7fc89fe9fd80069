'use client';
// Reliability diagram: observed fraud rate per predicted-probability bin against the diagonal.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CalibrationRow } from '@/lib/charts/calibration';
import { EmptyChart } from '@/components/ui/empty-chart';

export function CalibrationChart({ rows }: { rows: CalibrationRow[] }) {
  if (!rows.length) return <EmptyChart reason="No calibration bins stored" next="Bins are measured on the validation split at training; retrain with a validation split." height={260} testId="calibration-chart-empty" />;
  const tick = { fontSize: 11, fill: '#5d6b7c' };
  return (
    <div className="chart" data-testid="calibration-chart">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 22, left: 4 }}>
          <CartesianGrid stroke="#eef1f5" />
          <XAxis type="number" dataKey="predicted" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tick={tick} label={{ value: 'Mean predicted probability', position: 'insideBottom', offset: -12, fontSize: 12, fill: '#5d6b7c' }} />
          <YAxis type="number" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tick={tick} width={40} />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#b8c1cc" strokeDasharray="4 4" />
          <Tooltip formatter={(v, name) => [Number(v).toFixed(3), name === 'observed' ? 'Observed fraud rate' : String(name)]} labelFormatter={(x) => `Predicted ${Number(x).toFixed(3)}`} />
          <Line dataKey="observed" stroke="#e8590c" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
