// Drift page data: score PSI over time, per-feature PSI heatmap, baseline-versus-current histogram,
// volume and flag rate. Pure: snapshots in, chart rows out.
import type { DriftFeatureView, DriftSnapshotView, DriftWindow } from '@/lib/schemas/drift';

export const PSI_WARN = 0.1;
export const PSI_ALERT = 0.25;

export const STATUS_COLOR: Record<string, string> = { ok: '#2f9e44', warn: '#f08c00', alert: '#e03131', insufficient: '#868e96' };
export const statusColor = (status: string) => STATUS_COLOR[status] ?? STATUS_COLOR.insufficient;

/** UTC label for a window start: "11-21 13:00" for hours, "2026-11-21" for days, "wk 2026-11-16" for weeks. */
export function windowLabel(iso: string, window: DriftWindow): string {
  const s = new Date(iso).toISOString();
  if (window === 'hour') return `${s.slice(5, 10)} ${s.slice(11, 16)}`;
  return window === 'week' ? `wk ${s.slice(0, 10)}` : s.slice(0, 10);
}

export interface PsiPoint { label: string; start: string; scorePsi: number | null; status: string; color: string; count: number; driftedShare: number }

export function scorePsiSeries(snaps: readonly DriftSnapshotView[], window: DriftWindow): PsiPoint[] {
  return snaps.map((s) => ({
    label: windowLabel(s.windowStart, window), start: s.windowStart,
    // No point where the window had too little traffic to mean anything.
    scorePsi: s.status === 'insufficient' || s.scorePsi === null ? null : round(s.scorePsi, 4),
    status: s.status, color: statusColor(s.status), count: s.count, driftedShare: s.driftedShare,
  }));
}

/** The y-axis top: at least a little above the alert line so both reference lines always show. */
export const psiDomainMax = (points: readonly { scorePsi: number | null }[]) =>
  Math.max(PSI_ALERT * 1.4, ...points.map((p) => p.scorePsi ?? 0)) * 1.05;

export interface VolumePoint { label: string; count: number; flagRate: number }

export const volumeSeries = (snaps: readonly DriftSnapshotView[], window: DriftWindow): VolumePoint[] =>
  snaps.map((s) => ({ label: windowLabel(s.windowStart, window), count: s.count, flagRate: round(100 * s.flagRate, 2) }));

/** Heat colour for a PSI: green below warn, amber to the alert level, red above; stronger with the value. */
export function psiColor(psi: number | null | undefined, warn = PSI_WARN, alert = PSI_ALERT): string {
  if (psi === null || psi === undefined || !Number.isFinite(psi)) return '#f1f3f5';
  if (psi < warn) return `rgba(47, 158, 68, ${round(0.12 + 0.3 * (psi / warn), 3)})`;
  if (psi < alert) return `rgba(240, 140, 0, ${round(0.35 + 0.35 * ((psi - warn) / (alert - warn)), 3)})`;
  return `rgba(224, 49, 49, ${round(Math.min(1, 0.6 + 0.4 * ((psi - alert) / alert)), 3)})`;
}

export interface HeatCell { psi: number | null; color: string; title: string }
export interface Heatmap { columns: { id: string; label: string }[]; rows: { feature: string; cells: HeatCell[]; latest: number | null }[] }

/** Rows = features (worst latest PSI first), columns = the last `maxColumns` windows with enough traffic. */
export function psiHeatmap(snaps: readonly DriftSnapshotView[], window: DriftWindow, maxColumns = 12): Heatmap {
  const cols = maxColumns > 0 ? snaps.filter((s) => s.status !== 'insufficient' && s.features.length).slice(-maxColumns) : [];
  const names = [...new Set(cols.flatMap((s) => s.features.map((f) => f.name)))];
  const last = cols.at(-1);
  const rows = names.map((feature) => {
    const cells = cols.map((s) => {
      const f = s.features.find((x) => x.name === feature);
      const psi = f ? round(f.psi, 4) : null;
      return { psi, color: psiColor(psi), title: `${feature}, ${windowLabel(s.windowStart, window)}: PSI ${psi === null ? '–' : psi.toFixed(3)}` };
    });
    const latest = last?.features.find((x) => x.name === feature)?.psi ?? null;
    return { feature, cells, latest };
  });
  rows.sort((a, b) => (b.latest ?? -1) - (a.latest ?? -1) || a.feature.localeCompare(b.feature));
  return { columns: cols.map((s) => ({ id: s.id, label: windowLabel(s.windowStart, window) })), rows };
}

const fmtEdge = (v: number) => (Number.isInteger(v) ? String(v) : Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toPrecision(3)).toString());

/** Bin labels on the baseline's edges, (lower, upper] as the baseline bins them. */
export function binLabels(edges: readonly number[]): string[] {
  if (!edges.length) return ['all'];
  return [`≤ ${fmtEdge(edges[0])}`, ...edges.slice(1).map((e, i) => `${fmtEdge(edges[i])}–${fmtEdge(e)}`), `> ${fmtEdge(edges[edges.length - 1])}`];
}

export interface HistogramBar { bin: string; baseline: number; current: number }

/** Baseline and current shares (in %) side by side per baseline bin, plus a "missing" bar when either has any. */
export function featureHistogram(f: DriftFeatureView): HistogramBar[] {
  const labels = binLabels(f.edges);
  // Shares are of present values; scale to all rows so that the missing bar and the bins add up to 100%.
  const bars = labels.map((bin, i) => ({
    bin,
    baseline: round(100 * (f.baseline[i] ?? 0) * (1 - f.baselineMissing), 2),
    current: round(100 * (f.current[i] ?? 0) * (1 - f.currentMissing), 2),
  }));
  if (f.baselineMissing > 0 || f.currentMissing > 0) bars.push({ bin: 'missing', baseline: round(100 * f.baselineMissing, 2), current: round(100 * f.currentMissing, 2) });
  return bars;
}

/** The newest snapshot with enough traffic (what the histogram shows), else the newest at all. */
export function latestSnapshot(snaps: readonly DriftSnapshotView[]): DriftSnapshotView | null {
  return [...snaps].reverse().find((s) => s.status !== 'insufficient') ?? snaps.at(-1) ?? null;
}

/** Features of a snapshot, worst first, for the clickable list. */
export const rankedFeatures = (s: DriftSnapshotView | null): DriftFeatureView[] => [...(s?.features ?? [])].sort((a, b) => b.psi - a.psi);

function round(v: number, digits: number) {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}
