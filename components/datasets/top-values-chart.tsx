'use client';
// Horizontal bars: the most frequent values of a string column (bars from lib/charts/dataset-charts).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Bar as BarRow } from '@/lib/charts/dataset-charts';
import { formatNumber } from '@/lib/charts/dataset-charts';
import { formatCount } from '@/lib/format';
import { EmptyChart } from '@/components/ui/empty-chart';

export function TopValuesChart({ bars, column, testId }: { bars: BarRow[]; column: string; testId?: string }) {
  if (!bars.length) return <EmptyChart reason="No values in this column" next="Every row is empty here; check the column mapping of the import." height={80} testId={`${testId ?? `top-values-${column}`}-empty`} />;
  return (
    <div className="chart" data-testid={testId ?? `top-values-${column}`}>
      <ResponsiveContainer width="100%" height={Math.max(80, bars.length * 18 + 30)}>
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="#eef1f5" horizontal={false} />
          <XAxis type="number" tickFormatter={(v: number) => formatNumber(v)} tick={{ fontSize: 10, fill: '#5d6b7c' }} allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 10, fill: '#18202b' }} interval={0} />
          <Tooltip formatter={(v) => [formatCount(Number(v)), 'Rows']} labelFormatter={(_, p) => String(p?.[0]?.payload?.title ?? '')} />
          <Bar dataKey="count" fill="#7aa2ff" radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
