// Several versions' ROC or PR curves merged into one recharts row array. Each row carries one series'
// value only; with connectNulls every line follows its own points, including vertical steps at equal x.
export interface CurvePoint { x: number; y: number; threshold?: number }
export interface CurveSeries { key: string; points: readonly CurvePoint[] }
export type CurveRow = { x: number } & Record<string, number>;

export function mergeCurves(series: readonly CurveSeries[]): CurveRow[] {
  const tagged = series.flatMap((s) =>
    s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).map((p, i) => ({ x: p.x, y: p.y, key: s.key, i })),
  );
  // Array.prototype.sort is stable, so points of one series keep their path order at equal x.
  tagged.sort((a, b) => a.x - b.x);
  return tagged.map(({ x, y, key }) => ({ x, [key]: y }) as CurveRow);
}

/** The ROC curve always spans (0,0)–(1,1); stored curves may omit the end points. */
export function closeRoc(points: readonly CurvePoint[]): CurvePoint[] {
  const out = [...points];
  if (!out.length || out[0].x !== 0 || out[0].y !== 0) out.unshift({ x: 0, y: 0 });
  const last = out[out.length - 1];
  if (last.x !== 1 || last.y !== 1) out.push({ x: 1, y: 1 });
  return out;
}

/** Where the operating threshold sits on a curve: the point whose threshold is closest to it. */
export function pointAtThreshold(points: readonly CurvePoint[], threshold: number): CurvePoint | null {
  let best: CurvePoint | null = null;
  for (const p of points) {
    if (p.threshold === undefined || !Number.isFinite(p.threshold)) continue;
    if (!best || Math.abs(p.threshold - threshold) < Math.abs((best.threshold ?? Infinity) - threshold)) best = p;
  }
  return best;
}

/** Distinguishable colours for up to 4 compared versions (then cycling). */
export const SERIES_COLORS = ['#2f5bea', '#e8590c', '#0ca678', '#ae3ec9', '#1098ad', '#f08c00'];
export const seriesColor = (i: number) => SERIES_COLORS[i % SERIES_COLORS.length];
