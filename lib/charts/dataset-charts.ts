// Column statistics → chart-ready rows for the dataset version page. Pure; drawn by components/datasets/*-chart.tsx.
import type { ColumnStats, NumericStats, StringStats } from '@/lib/data/column-stats';

export interface Bar { label: string; count: number; title: string }
export type ColumnChart =
  | { kind: 'histogram'; column: string; bars: Bar[]; caption: string }
  | { kind: 'top-values'; column: string; bars: Bar[]; caption: string }
  /** The label column: rows per class. */
  | { kind: 'class-balance'; column: string; bars: Bar[]; caption: string }
  /** Identifier-like columns: a chart of unique values says nothing. */
  | { kind: 'skipped'; column: string; caption: string }
  | { kind: 'empty'; column: string; caption: string };

/** 1234567 → "1.23M", 0.000123 → "1.23e-4": short tick labels that keep three significant digits. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a === 0) return '0';
  if (a >= 1e9) return `${+(x / 1e9).toPrecision(3)}B`;
  if (a >= 1e6) return `${+(x / 1e6).toPrecision(3)}M`;
  if (a >= 1e4) return `${+(x / 1e3).toPrecision(3)}k`;
  if (a < 1e-3) return x.toExponential(2).replace(/e([+-])0*(\d)/, 'e$1$2').replace('e+', 'e');
  return String(+x.toPrecision(3));
}

export const percent = (part: number, whole: number, digits = 1) => (whole > 0 ? `${((100 * part) / whole).toFixed(digits)}%` : '–');

const clip = (s: string, n = 22) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function histogramBars(stats: NumericStats): Bar[] {
  return stats.histogram.map((b) => ({
    label: formatNumber(b.from),
    count: b.count,
    title: `${formatNumber(b.from)} – ${formatNumber(b.to)}: ${b.count.toLocaleString('en')}`,
  }));
}

export function topValueBars(stats: StringStats, max = 10): Bar[] {
  const present = stats.count - stats.missing;
  return stats.top.slice(0, max).map((t) => ({
    label: clip(t.value === '' ? '(blank)' : t.value),
    count: t.count,
    title: `${t.value}: ${t.count.toLocaleString('en')} (${percent(t.count, present)})`,
  }));
}

/** role 'label' draws the class balance instead of a histogram of 0s and 1s. */
export function columnChart(stats: ColumnStats, role?: string): ColumnChart {
  const missing = stats.missing ? `, ${stats.missing.toLocaleString('en')} missing` : '';
  if (stats.count === stats.missing) return { kind: 'empty', column: stats.name, caption: 'Every value is missing.' };
  if (role === 'label') {
    const classes = stats.type === 'number' ? stats.levels : stats.distinct <= 20 ? stats.top : undefined;
    if (classes) {
      const present = stats.count - stats.missing;
      const bars = classes.map((c) => ({ label: clip(c.value), count: c.count, title: `${c.value}: ${c.count.toLocaleString('en')} (${percent(c.count, present)})` }));
      return { kind: 'class-balance', column: stats.name, bars, caption: `Class balance: ${bars.map((b) => `${b.label} ${percent(b.count, present)}`).join(', ')}${missing}` };
    }
  }
  if (stats.idLike) {
    const distinct = stats.type === 'string' ? `${stats.distinct.toLocaleString('en')}${stats.distinctCapped ? '+' : ''} distinct values` : 'long digit strings';
    return { kind: 'skipped', column: stats.name, caption: `Identifier-like (${distinct} in ${(stats.count - stats.missing).toLocaleString('en')} rows): not charted.` };
  }
  if (stats.type === 'number') {
    const sampled = stats.histogramSample ? ` (histogram of a ${stats.histogramSample.toLocaleString('en')}-value sample)` : '';
    return {
      kind: 'histogram', column: stats.name, bars: histogramBars(stats),
      caption: `min ${formatNumber(stats.min)}, max ${formatNumber(stats.max)}, mean ${formatNumber(stats.mean)}, std ${formatNumber(stats.std)}${missing}${sampled}`,
    };
  }
  const distinct = `${stats.distinct.toLocaleString('en')}${stats.distinctCapped ? '+' : ''} distinct`;
  return { kind: 'top-values', column: stats.name, bars: topValueBars(stats), caption: `${distinct}${missing}` };
}
