'use client';
// ROC curves on a log-scale false-positive axis: fraud is rare, so the region that matters (0.1%–1% FPR)
// gets most of the width instead of the first few pixels.
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { mergeCurves, seriesColor } from '@/lib/charts/curves';
import { EmptyChart } from '@/components/ui/empty-chart';

interface Series { id: string; label: string; roc: { x: number; y: number }[] }

const tick = { fontSize: 11, fill: '#5d6b7c' };
const pct = (v: number) => (v >= 0.01 ? `${+(v * 100).toFixed(0)}%` : `${+(v * 100).toPrecision(1)}%`);

/** The lowest power of ten at or below the smallest FPR drawn, between 1e-6 and 1e-4. */
function lowerBound(series: Series[]): number {
  let min = 1;
  for (const s of series) for (const p of s.roc) if (p.x > 0 && p.x < min) min = p.x;
  return Math.min(1e-4, Math.max(1e-6, 10 ** Math.floor(Math.log10(min))));
}

export function LogRocChart({ series, height = 320, testId }: { series: Series[]; height?: number; testId?: string }) {
  if (!series.some((s) => s.roc.length)) return <EmptyChart reason="No ROC points to draw" next="The holdout had no labelled rows of both classes; widen the period or label more items." height={height} testId={testId ? `${testId}-empty` : undefined} />;
  const rows = mergeCurves(series.map((s, i) => ({ key: `v${i}`, points: s.roc.filter((p) => p.x > 0) })));
  const lo = lowerBound(series);
  const ticks: number[] = [];
  for (let t = lo; t <= 1.0001; t *= 10) ticks.push(+t.toPrecision(1));
  return (
    <div className="chart" data-testid={testId}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 22, left: 0 }}>
          <CartesianGrid stroke="#eef1f5" />
          <XAxis type="number" dataKey="x" scale="log" domain={[lo, 1]} allowDataOverflow ticks={ticks} tickFormatter={pct} tick={tick}
            label={{ value: 'False positive rate (log scale)', position: 'insideBottom', offset: -12, fontSize: 12, fill: '#5d6b7c' }} />
          <YAxis type="number" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tick={tick} width={56}
            label={{ value: 'Recall', angle: -90, position: 'insideLeft', offset: 4, fontSize: 12, fill: '#5d6b7c', style: { textAnchor: 'middle' } }} />
          <ReferenceLine x={0.001} stroke="#b8c1cc" strokeDasharray="4 4" label={{ value: '0.1%', fontSize: 11, fill: '#5d6b7c', position: 'top' }} />
          <ReferenceLine x={0.01} stroke="#b8c1cc" strokeDasharray="4 4" label={{ value: '1%', fontSize: 11, fill: '#5d6b7c', position: 'top' }} />
          <Tooltip formatter={(v, name) => [typeof v === 'number' ? v.toFixed(3) : String(v), series[Number(String(name).slice(1))]?.label ?? String(name)]}
            labelFormatter={(x) => `FPR ${typeof x === 'number' ? pct(x) : String(x)}`} />
          {series.length > 1 ? <Legend verticalAlign="top" height={28} formatter={(key) => series[Number(String(key).slice(1))]?.label ?? key} /> : null}
          {series.map((s, i) => (
            <Line key={s.id} dataKey={`v${i}`} name={`v${i}`} stroke={seriesColor(i)} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} type="linear" />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
