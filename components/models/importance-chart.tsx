'use client';
// Horizontal bars: each feature's share of the total split gain (rows from lib/charts/importances).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ImportanceRow } from '@/lib/charts/importances';
import { EmptyChart } from '@/components/ui/empty-chart';

export function ImportanceChart({ rows }: { rows: ImportanceRow[] }) {
  if (!rows.length) return <EmptyChart reason="This algorithm does not report feature importances" next="Tree ensembles do; the reasons on each scored item still explain single decisions." height={120} testId="importance-chart-empty" />;
  return (
    <div className="chart" data-testid="importance-chart">
      <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 22 + 40)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#eef1f5" horizontal={false} />
          <XAxis type="number" tickFormatter={(v: number) => `${Math.round(100 * v)}%`} tick={{ fontSize: 11, fill: '#5d6b7c' }} />
          <YAxis type="category" dataKey="label" width={180} tick={{ fontSize: 11, fill: '#18202b' }} interval={0} />
          <Tooltip formatter={(v) => [`${(100 * Number(v)).toFixed(1)}% of total gain`, 'Importance']} labelFormatter={(_, p) => String(p?.[0]?.payload?.name ?? '')} />
          <Bar dataKey="share" fill="#2f5bea" radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
