// Geometry of the score tester's half-circle gauge: band segments (allow / review / block) and the needle,
// as SVG paths in a fixed viewBox. Pure so it can be tested; the component only draws the strings.
export type Band = 'allow' | 'review' | 'block';

export interface GaugeSegment { band: Band; from: number; to: number; path: string }
export interface GaugeModel {
  width: number;
  height: number;
  segments: GaugeSegment[];
  /** The filled arc from 0 to the score. */
  valuePath: string;
  needle: { x1: number; y1: number; x2: number; y2: number };
  fraction: number;
}

export const GAUGE = { width: 220, height: 124, cx: 110, cy: 112, radius: 96, thickness: 18 } as const;

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
const round = (v: number) => Math.round(v * 100) / 100;

/** Point on the half circle: fraction 0 is the left end, 1 the right end, 0.5 the top. */
export function polar(fraction: number, r: number, cx: number = GAUGE.cx, cy: number = GAUGE.cy): { x: number; y: number } {
  const angle = Math.PI * (1 - clamp01(fraction));
  return { x: round(cx + r * Math.cos(angle)), y: round(cy - r * Math.sin(angle)) };
}

/** An annular sector between two fractions of the half circle. */
export function arcPath(from: number, to: number, r: number = GAUGE.radius, thickness: number = GAUGE.thickness): string {
  const a = clamp01(Math.min(from, to));
  const b = clamp01(Math.max(from, to));
  if (b - a <= 0) return '';
  const inner = r - thickness;
  const o1 = polar(a, r), o2 = polar(b, r), i2 = polar(b, inner), i1 = polar(a, inner);
  // A half circle never spans more than 180°, so the large-arc flag stays 0.
  return `M ${o1.x} ${o1.y} A ${r} ${r} 0 0 1 ${o2.x} ${o2.y} L ${i2.x} ${i2.y} A ${inner} ${inner} 0 0 0 ${i1.x} ${i1.y} Z`;
}

/**
 * score is the 0–99 risk score; thresholds are probabilities (the model's review and block cut-offs).
 * Segments whose range is empty (e.g. review == block) are dropped.
 */
export function gaugeModel(score: number, thresholds: { review: number; block: number }): GaugeModel {
  const fraction = clamp01(score / 99);
  const review = clamp01(thresholds.review);
  const block = Math.max(review, clamp01(thresholds.block));
  const bands: [Band, number, number][] = [['allow', 0, review], ['review', review, block], ['block', block, 1]];
  const segments = bands.filter(([, from, to]) => to > from).map(([band, from, to]) => ({ band, from, to, path: arcPath(from, to) }));
  const tip = polar(fraction, GAUGE.radius + 4);
  const base = polar(fraction, GAUGE.radius - GAUGE.thickness - 8);
  return { width: GAUGE.width, height: GAUGE.height, segments, valuePath: arcPath(0, fraction, GAUGE.radius - GAUGE.thickness - 4, 6), needle: { x1: base.x, y1: base.y, x2: tip.x, y2: tip.y }, fraction };
}

/** Bar widths for a reasons list: each |contribution| as a share of the largest, in percent. */
export function contributionBars<T extends { contribution: number }>(reasons: T[]): (T & { widthPct: number; direction: 'up' | 'down' })[] {
  const max = Math.max(0, ...reasons.map((r) => Math.abs(r.contribution)).filter(Number.isFinite));
  return reasons.map((r) => ({
    ...r,
    widthPct: max > 0 && Number.isFinite(r.contribution) ? Math.round((1000 * Math.abs(r.contribution)) / max) / 10 : 0,
    direction: r.contribution >= 0 ? 'up' : 'down',
  }));
}
