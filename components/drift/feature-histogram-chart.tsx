'use client';
// Baseline (training) versus current window, side by side on the baseline's bins.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistogramBar } from '@/lib/charts/drift';
import { EmptyChart } from '@/components/ui/empty-chart';

export function FeatureHistogramChart({ bars, name }: { bars: HistogramBar[]; name: string }) {
  if (!bars.length) return <EmptyChart reason={`No histogram for ${name}`} next="The training baseline stored no bins for this feature; pick another feature." height={240} testId="feature-histogram-empty" />;
  const tick = { fontSize: 11, fill: '#5d6b7c' };
  return (
    <div className="chart" data-testid="feature-histogram" data-feature={name}>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="#eef1f5" vertical={false} />
          <XAxis dataKey="bin" tick={tick} interval={0} angle={-25} textAnchor="end" height={48} />
          <YAxis tick={tick} width={40} unit="%" />
          <Tooltip formatter={(v, n) => [`${Number(v).toFixed(1)}%`, n]} />
          <Legend />
          <Bar dataKey="baseline" name="Baseline (training)" fill="#a5b4c8" isAnimationActive={false} />
          <Bar dataKey="current" name="Current window" fill="#e8590c" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
