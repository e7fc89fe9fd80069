'use client';
// One metric per day: realised from labels (solid), estimated before labels by CBPE (dashed), and the gap (bars, right axis).
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EstimateRow } from '@/lib/charts/performance-estimate';
import { EmptyChart, hasNoValues } from '@/components/ui/empty-chart';
import { formatMetric } from '@/lib/format';

const fmt = (v: unknown) => formatMetric(typeof v === 'number' ? v : null);

export function EstimateChart({ metric, name, rows, floor }: { metric: string; name: string; rows: EstimateRow[]; floor: number | null }) {
  if (hasNoValues(rows, ['realised', 'estimated'])) return <EmptyChart reason={`No ${name.toLowerCase()} to show for this window`} next="Estimates appear once the serving version scores traffic; realised values once those items are labelled." height={220} testId={`estimate-chart-${metric}-empty`} />;
  const tick = { fontSize: 11, fill: '#5d6b7c' };
  return (
    <div className="chart" data-testid={`estimate-chart-${metric}`}>
      <h3 className="small">{name}</h3>
      <ResponsiveContainer width="100%" height={220}>
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="#eef1f5" />
          <XAxis dataKey="label" tick={tick} minTickGap={16} />
          <YAxis yAxisId="v" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tick={tick} width={40} />
          <YAxis yAxisId="gap" orientation="right" domain={[-0.5, 0.5]} ticks={[-0.5, 0, 0.5]} tick={tick} width={40} allowDataOverflow />
          <Tooltip
            formatter={(v, label) => [fmt(v), String(label)]}
            labelFormatter={(l, payload) => {
              const r = payload?.[0]?.payload as EstimateRow | undefined;
              return `${String(l)} UTC · ${r?.scored ?? 0} scored · ${r?.labels ?? 0} labels`;
            }}
          />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          {floor !== null ? <ReferenceLine yAxisId="v" y={floor} stroke="#c92a2a" strokeDasharray="2 4" /> : null}
          <ReferenceLine yAxisId="gap" y={0} stroke="#ced4da" />
          <Bar yAxisId="gap" dataKey="gap" name="Gap (realised − estimated)" fill="#dee2e6" isAnimationActive={false} />
          <Line yAxisId="v" dataKey="realised" name="Realised (labels)" stroke="#1971c2" strokeWidth={2} connectNulls={false} isAnimationActive={false} />
          <Line yAxisId="v" dataKey="estimated" name="Estimated (CBPE)" stroke="#1971c2" strokeDasharray="6 4" strokeWidth={2} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
