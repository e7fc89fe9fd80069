'use client';
// Vertical bars over equal-width bins of a numeric column (bars from lib/charts/dataset-charts).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Bar as BarRow } from '@/lib/charts/dataset-charts';
import { formatNumber } from '@/lib/charts/dataset-charts';
import { formatCount } from '@/lib/format';
import { EmptyChart } from '@/components/ui/empty-chart';

export function HistogramChart({ bars, column }: { bars: BarRow[]; column: string }) {
  if (!bars.length) return <EmptyChart reason="No numeric values in this column" next="Every row is empty here; check the column mapping of the import." height={160} testId={`histogram-${column}-empty`} />;
  return (
    <div className="chart" data-testid={`histogram-${column}`}>
      <ResponsiveContainer width="100%" height={160}>
        <BarChart data={bars} margin={{ top: 4, right: 8, bottom: 4, left: 0 }} barCategoryGap={1}>
          <CartesianGrid stroke="#eef1f5" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 10, fill: '#5d6b7c' }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis tickFormatter={(v: number) => formatNumber(v)} tick={{ fontSize: 10, fill: '#5d6b7c' }} width={40} allowDecimals={false} />
          <Tooltip formatter={(v) => [formatCount(Number(v)), 'Rows']} labelFormatter={(_, p) => String(p?.[0]?.payload?.title ?? '')} />
          <Bar dataKey="count" fill="#2f5bea" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
