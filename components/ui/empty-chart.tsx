// What a chart shows when it has nothing to draw: why it is empty and what to do next, never bare axes.
// No 'use client': server pages and client charts both render it.
import type { ReactNode } from 'react';

export interface EmptyChartProps {
  /** Why there is nothing to draw, e.g. "No labelled days yet". */
  reason: string;
  /** What makes data appear, e.g. "labels from the review queue appear here". */
  next?: ReactNode;
  /** Roughly the chart's height, so the page does not jump when data arrives. */
  height?: number;
  testId?: string;
}

export function EmptyChart({ reason, next, height = 160, testId }: EmptyChartProps) {
  return (
    <div className="chart empty" role="note" data-testid={testId ?? 'empty-chart'} style={{ minHeight: height, display: 'flex', flexDirection: 'column', justifyContent: 'center' }}>
      <strong>{reason}</strong>
      {next ? <span className="muted small">{next}</span> : null}
    </div>
  );
}

/** True when no row has a finite value under any of `keys` (an all-null series draws only axes). */
export function hasNoValues<T>(rows: readonly T[], keys: readonly (keyof T)[]): boolean {
  for (const r of rows) for (const k of keys) if (typeof r[k] === 'number' && Number.isFinite(r[k])) return false;
  return true;
}
