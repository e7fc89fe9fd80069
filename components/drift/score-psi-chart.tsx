'use client';
// Score PSI per window with the warn (0.1) and alert (0.25) lines; each dot in its status colour.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { PSI_ALERT, PSI_WARN, type PsiPoint, psiDomainMax } from '@/lib/charts/drift';
import { EmptyChart, hasNoValues } from '@/components/ui/empty-chart';

interface DotProps { cx?: number; cy?: number; payload?: PsiPoint; index?: number }

function StatusDot({ cx, cy, payload, index }: DotProps) {
  if (cx === undefined || cy === undefined || !payload || payload.scorePsi === null) return <g key={`d${index}`} />;
  return <circle key={`d${index}`} cx={cx} cy={cy} r={5} fill={payload.color} stroke="#fff" strokeWidth={1.5} data-status={payload.status} />;
}

export function ScorePsiChart({ points }: { points: PsiPoint[] }) {
  if (hasNoValues(points, ['scorePsi'])) return <EmptyChart reason="No window has a score PSI yet" next="A window needs 50 scored transactions before its PSI is computed; send traffic or pick a longer window." height={260} testId="score-psi-chart-empty" />;
  const tick = { fontSize: 11, fill: '#5d6b7c' };
  return (
    <div className="chart" data-testid="score-psi-chart">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={points} margin={{ top: 8, right: 72, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="#eef1f5" />
          <XAxis dataKey="label" tick={tick} minTickGap={16} />
          <YAxis type="number" domain={[0, psiDomainMax(points)]} tick={tick} width={44} tickFormatter={(v: number) => v.toFixed(2)} />
          <ReferenceLine y={PSI_WARN} stroke="#f08c00" strokeDasharray="4 4" label={{ value: 'warn 0.1', position: 'right', fontSize: 11, fill: '#f08c00' }} />
          <ReferenceLine y={PSI_ALERT} stroke="#e03131" strokeDasharray="4 4" label={{ value: 'alert 0.25', position: 'right', fontSize: 11, fill: '#e03131' }} />
          <Tooltip formatter={(v) => [v === null ? '–' : Number(v).toFixed(3), 'Score PSI']} />
          <Line dataKey="scorePsi" stroke="#5d6b7c" strokeWidth={2} dot={StatusDot} activeDot={{ r: 6 }} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
