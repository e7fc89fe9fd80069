'use client';
// ROC or PR curves for one or more versions; the rows come prepared from lib/charts/curves.
import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CurveRow } from '@/lib/charts/curves';
import { EmptyChart } from '@/components/ui/empty-chart';
import { formatMetric } from '@/lib/format';

export interface CurveLine { key: string; label: string; color: string }
export interface OperatingPoint { x: number; y: number; color: string; label: string }

interface Props {
  kind: 'roc' | 'pr';
  rows: CurveRow[];
  lines: CurveLine[];
  operatingPoints?: OperatingPoint[];
  /** PR baseline: the positive rate (a random classifier's precision). */
  baseline?: number | null;
  height?: number;
  testId?: string;
}

const tick = { fontSize: 11, fill: '#5d6b7c' };
const fmt = (v: unknown) => (typeof v === 'number' ? formatMetric(v) : String(v));

export function CurvesChart({ kind, rows, lines, operatingPoints = [], baseline, height = 280, testId }: Props) {
  if (!rows.length || !lines.length) return <EmptyChart reason={`No ${kind === 'roc' ? 'ROC' : 'precision–recall'} curve stored`} next="Curves are measured on the validation split at training; a version trained without one has none." height={height} testId={testId ? `${testId}-empty` : undefined} />;
  const xLabel = kind === 'roc' ? 'False positive rate' : 'Recall';
  const yLabel = kind === 'roc' ? 'True positive rate' : 'Precision';
  return (
    <div className="chart" data-testid={testId}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 22, left: 0 }}>
          <CartesianGrid stroke="#eef1f5" />
          <XAxis type="number" dataKey="x" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tick={tick} label={{ value: xLabel, position: 'insideBottom', offset: -12, fontSize: 12, fill: '#5d6b7c' }} />
          <YAxis type="number" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tick={tick} width={56} label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 4, fontSize: 12, fill: '#5d6b7c', style: { textAnchor: 'middle' } }} />
          {kind === 'roc' ? <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#b8c1cc" strokeDasharray="4 4" ifOverflow="hidden" /> : null}
          {kind === 'pr' && baseline ? <ReferenceLine y={baseline} stroke="#b8c1cc" strokeDasharray="4 4" /> : null}
          <Tooltip formatter={(v, name) => [fmt(v), lines.find((l) => l.key === name)?.label ?? String(name)]} labelFormatter={(x) => `${xLabel} ${fmt(x)}`} />
          {lines.length > 1 ? <Legend verticalAlign="top" height={28} formatter={(key) => lines.find((l) => l.key === key)?.label ?? key} /> : null}
          {lines.map((l) => (
            <Line key={l.key} dataKey={l.key} name={l.key} stroke={l.color} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} type="linear" />
          ))}
          {operatingPoints.map((p) => (
            <ReferenceDot key={p.label} x={p.x} y={p.y} r={5} fill={p.color} stroke="#fff" strokeWidth={2} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
