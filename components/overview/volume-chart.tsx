'use client';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { EmptyChart } from '@/components/ui/empty-chart';

export interface VolumeRow { day: string; allowed: number; flagged: number; flagRate: number | null }

export function VolumeChart({ rows }: { rows: VolumeRow[] }) {
  if (!rows.some((r) => r.allowed + r.flagged > 0)) return <EmptyChart reason="No transactions in the last 14 days" next="Send transactions to POST /api/transactions with an API token; volume and flags appear here per UTC day." height={240} testId="volume-chart-empty" />;
  return (
    <div data-testid="volume-chart" style={{ width: '100%', height: 240 }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e6ec" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} />
          <YAxis yAxisId="n" tick={{ fontSize: 11 }} width={48} />
          <YAxis yAxisId="rate" orientation="right" unit="%" tick={{ fontSize: 11 }} width={44} />
          <Tooltip labelFormatter={(l) => `${String(l)} UTC`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="n" dataKey="allowed" stackId="v" fill="#c7d4fb" name="allowed" />
          <Bar yAxisId="n" dataKey="flagged" stackId="v" fill="#c8372d" name="review + block" />
          <Line yAxisId="rate" dataKey="flagRate" stroke="#b7791f" dot={false} strokeWidth={2} name="flag rate" connectNulls={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
