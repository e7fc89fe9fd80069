// Drift snapshots: each production and shadow version, per UTC-aligned window, against its training baseline.
// On Postgres the bins are counted in SQL (one parallel scan per window); elsewhere rows are read in id-ordered
// pages of only the needed columns and folded into bin counters. Memory stays flat at any volume either way.
// Event models read their type's stored events instead (events/drift-window.ts).
import type { Baseline } from '@/lib/ml/model-load';
import {
  BinCounter, DEFAULT_THRESHOLDS, type DriftThresholds, SCORE_BINS, scoreBin, scoreDrift, summariseDrift,
  scoreBaselineAtRate, windowRate,
} from '@/lib/ml/drift';
import { windowFeatureDrift } from '@/lib/ml/drift-context';
import type { DriftQuery, DriftResponse, DriftSnapshotStatus, DriftSnapshotView, DriftWindow } from '@/lib/schemas/drift';
import { DriftSnapshotRequest } from '@/lib/schemas/drift';
import { raiseAlerts } from '../alerts/alerts';
import { db } from '../platform/db';
import { dbProvider } from '../platform/env';
import { accumulateEvents } from '../events/drift-window';
import { fromExactJson } from '../events/state';
import { settingsKeyOf } from '@/lib/schemas/scope';
import { expectedRate, storedScoreCut } from '../decisions/expected-rate';
import { enqueueJob } from '../platform/jobs';
import type { Principal } from '../access/principal';
import { startsDriftEpisode } from './drift-episode';
import { DEFAULT_WINDOW_TARGET, defaultWindow, MIN_DRIFT_ROWS, snapshotWindows, windowStates } from './drift-windows';
import { loadVersion } from '../registry/models';
import { type JobHandler, PermanentJobError } from '../platform/worker';

const PAGE = 20_000;
export { MIN_DRIFT_ROWS, snapshotWindows, windowStartOf } from './drift-windows';

async function thresholdsFor(kind: string): Promise<DriftThresholds> {
  const s = await db().monitorSetting.findUnique({ where: { kind } });
  return s ? { psiWarn: s.psiWarn, psiAlert: s.psiAlert, driftShare: s.driftShare } : DEFAULT_THRESHOLDS;
}

interface VersionInfo {
  id: string; stage: string; kind: string; servingSlot: string; eventType: string | null; version: number; reviewThreshold: number; baseline: Baseline | null; model: { name: string };
}

interface Accumulated { count: number; flagged: number; scores: number[]; features: Map<string, BinCounter> }

function emptyAccumulator(v: VersionInfo): Accumulated {
  const baseFeatures = (v.baseline?.features ?? []).filter((f) => f.edges.every(Number.isFinite));
  return { count: 0, flagged: 0, scores: new Array<number>(SCORE_BINS).fill(0), features: new Map(baseFeatures.map((f) => [f.name, new BinCounter(f.edges)])) };
}

async function accumulate(version: VersionInfo, start: Date, end: Date, portable = false): Promise<Accumulated> {
  // A shadow's flag cut is on the production scale; its stored scores are calibrated at its training rate.
  const v = version.stage === 'shadow' ? { ...version, reviewThreshold: await storedScoreCut(version.id, version.reviewThreshold) } : version;
  if (v.kind === 'event') {
    const acc = emptyAccumulator(v);
    await accumulateEvents(v, start, end, acc);
    return acc;
  }
  return dbProvider() === 'postgres' && !portable ? accumulateInPostgres(v, start, end) : accumulateByPages(v, start, end);
}

/** Settings key of a version: event models are set per type (event:<type>), card and email models under their built-in type's key, the rest per kind. */
const settingsKey = (v: VersionInfo) => (v.kind === 'event' ? v.servingSlot : settingsKeyOf(v.kind));

const VERSION_INFO = { id: true, stage: true, kind: true, servingSlot: true, eventType: true, version: true, reviewThreshold: true, baseline: true, model: { select: { name: true } } } as const;

/** The raw counts of one window (tests compare the Postgres path against the portable one). */
export async function windowCounts(versionId: string, start: Date, end: Date, opts: { portable?: boolean } = {}) {
  const v = (await db().modelVersion.findUniqueOrThrow({ where: { id: versionId }, select: VERSION_INFO })) as unknown as VersionInfo;
  const acc = await accumulate(v, start, end, opts.portable);
  const features = Object.fromEntries([...acc.features].filter(([, c]) => c.total).map(([name, c]) => [name, { counts: [...c.counts], missing: c.missing, total: c.total }]));
  return { count: acc.count, flagged: acc.flagged, scores: acc.scores, features };
}

/** Portable path: id-ordered pages of only the needed columns, folded into bin counters. */
async function accumulateByPages(v: VersionInfo, start: Date, end: Date): Promise<Accumulated> {
  const shadow = v.stage === 'shadow';
  const acc = emptyAccumulator(v);
  const counters = acc.features;
  let cursor: string | undefined;
  for (;;) {
    const where = {
      occurredAt: { gte: start, lt: end },
      ...(shadow ? { shadowModelVersionId: v.id } : { modelVersionId: v.id }),
      ...(cursor ? { id: { gt: cursor } } : {}),
    };
    const rows = await db().event.findMany({
      where, orderBy: { id: 'asc' }, take: PAGE,
      select: { id: true, features: true, score: !shadow, decision: !shadow, shadowScore: shadow },
    });
    for (const r of rows) {
      const score = shadow ? r.shadowScore : r.score;
      acc.count++;
      if (typeof score === 'number') acc.scores[scoreBin(score)]++;
      // Shadow rows carry no decision: flagged means at or above the shadow version's own review threshold.
      if (shadow ? typeof score === 'number' && score >= v.reviewThreshold : r.decision === 'review' || r.decision === 'block') acc.flagged++;
      // Stored as JSON text by event ingestion (events/state.ts exactJson).
      const feats = fromExactJson<Record<string, number | null> | null>(r.features);
      if (!feats) continue;
      // A key that is absent was not measured (e.g. a shadow's feature production does not store): skip it.
      for (const [name, counter] of counters) if (name in feats) counter.add(feats[name]);
    }
    if (rows.length < PAGE) break;
    cursor = rows[rows.length - 1].id;
  }
  return acc;
}

/**
 * Postgres path: the bins are counted where the rows are, in one parallel scan; 1M rows never cross the wire.
 * jsonb_to_record extracts all features at once. Each feature's histogram is ONE numeric sum: a row adds
 * 2^(40·slot), so slot s of the total holds its count (up to 2^40 rows per window). Slot 0 = no features
 * stored, 1 = missing, 2 + k = bin k, where bin k = edges strictly below v (as BinCounter and the baseline):
 * n − width_bucket(−v, ascending(−edges)).
 */
const SLOT_BITS = 40;
const slotArray = (slots: number) => `ARRAY[${Array.from({ length: slots }, (_, i) => (BigInt(1) << BigInt(SLOT_BITS * i)).toString()).join(',')}]::numeric[]`;
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function decodeSlots(sum: unknown, slots: number): number[] {
  let big = BigInt(typeof sum === 'string' && /^\d+$/.test(sum) ? sum : 0);
  const mask = (BigInt(1) << BigInt(SLOT_BITS)) - BigInt(1);
  return Array.from({ length: slots }, () => {
    const v = Number(big & mask);
    big >>= BigInt(SLOT_BITS);
    return v;
  });
}

async function accumulateInPostgres(v: VersionInfo, start: Date, end: Date): Promise<Accumulated> {
  const shadow = v.stage === 'shadow';
  const acc = emptyAccumulator(v);
  const idCol = shadow ? '"shadowModelVersionId"' : '"modelVersionId"';
  const where = `${idCol} = $1 AND "occurredAt" >= $2 AND "occurredAt" < $3`;
  // Shadow rows hold production's features: measure only the names they share (no key = not measured).
  let feats = [...acc.features.entries()].filter(([name]) => Buffer.byteLength(name) <= 63);
  if (shadow) {
    const sample = await db().$queryRawUnsafe<{ f: Record<string, unknown> | null }[]>(`SELECT features AS f FROM "Event" WHERE ${where} AND features IS NOT NULL LIMIT 1`, v.id, start, end);
    const keys = new Set(Object.keys(fromExactJson<Record<string, unknown> | null>(sample[0]?.f) ?? {}));
    feats = feats.filter(([name]) => keys.has(name));
  }
  const score = shadow ? '"shadowScore"' : 'score';
  const flagged = shadow ? `"shadowScore" >= ${Number(v.reviewThreshold)}` : `decision IN ('review', 'block')`;
  const sums = feats.map(([name, c], k) => {
    const x = `x.${quoteIdent(name)}`;
    const neg = [...c.edges].reverse().map((e) => String(-e)).join(',');
    const bin = c.edges.length ? `${c.edges.length} - width_bucket(-${x}, ARRAY[${neg}]::float8[])` : '0';
    return `sum((${slotArray(c.edges.length + 3)})[CASE WHEN t.features IS NULL THEN 1 WHEN ${x} IS NULL THEN 2 ELSE ${bin} + 3 END])::text AS f${k}`;
  });
  // Event ingestion stores features as JSON text (a jsonb string, events/state.ts exactJson): unwrap it to the object.
  const object = `(CASE WHEN jsonb_typeof(t.features) = 'string' THEN (t.features #>> '{}')::jsonb ELSE t.features END)`;
  const record = feats.length ? `LEFT JOIN LATERAL jsonb_to_record(${object}) AS x(${feats.map(([name]) => `${quoteIdent(name)} float8`).join(', ')}) ON true` : '';
  const sql = `SELECT count(*)::int AS n, count(*) FILTER (WHERE ${flagged})::int AS flagged,
    sum((${slotArray(SCORE_BINS + 1)})[CASE WHEN ${score} IS NULL THEN 1 ELSE LEAST(${SCORE_BINS - 1}, GREATEST(0, floor(${score} * ${SCORE_BINS})))::int + 2 END])::text AS scores
    ${sums.map((x) => `, ${x}`).join('')}
    FROM "Event" t ${record} WHERE ${where.replace(/"(modelVersionId|shadowModelVersionId|occurredAt)"/g, 't."$1"')}`;
  const [row] = await db().$queryRawUnsafe<Record<string, unknown>[]>(sql, v.id, start, end);
  acc.count = Number(row?.n ?? 0);
  acc.flagged = Number(row?.flagged ?? 0);
  acc.scores = decodeSlots(row?.scores, SCORE_BINS + 1).slice(1);
  feats.forEach(([, c], k) => {
    const slots = decodeSlots(row?.[`f${k}`], c.edges.length + 3);
    c.missing = slots[1];
    slots.slice(2).forEach((n, b) => { c.counts[b] = n; });
    c.total = c.missing + c.counts.reduce((a, n) => a + n, 0);
  });
  // Features a shadow's rows do not carry stay at total 0 and are left out of the snapshot.
  for (const [name] of acc.features) if (!feats.some(([n]) => n === name)) acc.features.get(name)!.total = 0;
  return acc;
}

/**
 * The score baseline for a window's score counts when the version has per-class histograms (see lib/ml/drift):
 * the classes mixed at the window's own base rate (windowRate), fitted from the expected production rate.
 */
async function scoreBaselineFor(v: VersionInfo, baseline: Baseline, counts: readonly number[]): Promise<number[]> {
  if (!baseline.scoreHistogramByClass) return baseline.scoreHistogram;
  const { model } = await loadVersion(v.id);
  const { rate } = await expectedRate(v.servingSlot, v.id, model);
  // Fraud comes in rings (a few dozen sign-ups in one night): a day's or a night's fraud share swings from 0 to
  // 25% around the 30-day rate, a change of prior alone that the score PSI read as drift. Fit it per window.
  const own = windowRate(baseline.scoreHistogramByClass, counts, rate ?? baseline.positiveRate);
  const mixed = own === null ? [] : scoreBaselineAtRate(baseline.scoreHistogramByClass, own);
  return mixed.length ? mixed : baseline.scoreHistogram;
}

export interface SnapshotResult { modelVersionId: string; window: DriftWindow; windowStart: Date; status: DriftSnapshotStatus; count: number; scorePsi: number | null; alerted: boolean }

async function snapshotOne(v: VersionInfo, window: DriftWindow, start: Date, end: Date, t: DriftThresholds): Promise<SnapshotResult> {
  const acc = await accumulate(v, start, end);
  const baseline = v.baseline;
  const scoreTotal = acc.scores.reduce((a, b) => a + b, 0);
  const score = baseline && scoreTotal ? scoreDrift(await scoreBaselineFor(v, baseline, acc.scores), acc.scores) : null;
  const scorePsi = score?.psi ?? null;
  const timeColumns = await eventTimeColumns(v);
  const hour = baseline?.hourFeature ? acc.features.get(baseline.hourFeature) : undefined;
  const ctx = { start, end, timeColumns, ...(hour?.total ? { hourCounts: hour.counts } : {}) };
  const features = (baseline?.features ?? []).flatMap((f) => {
    const c = acc.features.get(f.name)!;
    return c.total ? [windowFeatureDrift(f, c, ctx, t)] : [];
  });
  const summary = summariseDrift(features, { ...t, scorePsi, scoreNoise: score?.noise });
  const status: DriftSnapshotStatus = acc.count < MIN_DRIFT_ROWS || !baseline ? 'insufficient' : summary.status;
  const key = { modelVersionId: v.id, window, windowStart: start };
  const existing = await db().driftSnapshot.findUnique({ where: { modelVersionId_window_windowStart: key }, select: { status: true } });
  const data = {
    stage: v.stage, windowEnd: end, count: acc.count, flagRate: acc.count ? acc.flagged / acc.count : 0, scorePsi,
    features: features as never, driftedShare: summary.driftedShare, status,
  };
  await db().driftSnapshot.upsert({ where: { modelVersionId_window_windowStart: key }, create: { ...key, ...data }, update: data });
  const alerted = await startsDriftEpisode({ ...key, status, previousStatus: existing?.status ?? null });
  if (alerted) {
    const worst = features.filter((f) => f.alerting !== false).sort((a, b) => b.psi - a.psi)[0];
    await raiseAlerts([{
      type: 'drift', severity: 'critical',
      title: `Drift: ${v.model.name} v${v.version} (${v.stage}) score PSI ${scorePsi?.toFixed(2) ?? '–'}, ${Math.round(summary.driftedShare * 100)}% of features drifted`,
      payload: { modelVersionId: v.id, kind: v.kind, ...(v.eventType ? { eventType: v.eventType } : {}), window, windowStart: start.toISOString(), scorePsi, driftedShare: summary.driftedShare, topFeature: worst ? { name: worst.name, psi: worst.psi } : null },
    }]);
  }
  return { modelVersionId: v.id, window, windowStart: start, status, count: acc.count, scorePsi, alerted };
}

/** The columns holding an event model's own time (its `<column>.hour` is a calendar feature); null: by name. */
async function eventTimeColumns(v: VersionInfo): Promise<string[] | null> {
  if (v.kind !== 'event') return null;
  const spec = (await loadVersion(v.id)).model.featureSpec;
  return spec.kind === 'event' ? [spec.event.definition.timeField] : null;
}

/** Snapshots every production and shadow version over the last complete and the current window ending at `at`. */
export async function computeDriftSnapshots(opts: { window: DriftWindow; at?: Date }): Promise<SnapshotResult[]> {
  const at = opts.at ?? new Date();
  const versions = (await db().modelVersion.findMany({
    where: { stage: { in: ['production', 'shadow'] } },
    select: VERSION_INFO,
    orderBy: { createdAt: 'asc' },
  })) as unknown as VersionInfo[];
  const thresholds = new Map<string, DriftThresholds>();
  const out: SnapshotResult[] = [];
  for (const v of versions) {
    const key = settingsKey(v);
    if (!thresholds.has(key)) thresholds.set(key, await thresholdsFor(key));
    for (const w of snapshotWindows(opts.window, at)) out.push(await snapshotOne(v, opts.window, w.start, w.end, thresholds.get(key)!));
  }
  return out;
}

export const driftSnapshotJob: JobHandler = async (job, ctx) => {
  const parsed = DriftSnapshotRequest.safeParse(job.payload ?? {});
  if (!parsed.success) throw new PermanentJobError(`Invalid payload: ${parsed.error.issues[0]?.message}`);
  await ctx.progress(0.05, `Computing ${parsed.data.window} drift snapshots`);
  const results = await computeDriftSnapshots({ window: parsed.data.window });
  return { window: parsed.data.window, snapshots: results.map((r) => ({ ...r, windowStart: r.windowStart.toISOString() })) };
};

export function requestDriftSnapshot(window: DriftWindow, actor: Principal | null) {
  return enqueueJob('drift.snapshot', { window }, { maxAttempts: 2, createdById: actor?.kind === 'user' ? actor.id : null });
}

/**
 * Snapshots over time for the versions serving a kind, or an event type (production and shadow), oldest first;
 * the last complete and current window of each as they stand now; without a window in the query, the shortest
 * one the recent traffic fills.
 */
export async function listDrift(q: DriftQuery, now = new Date()): Promise<DriftResponse> {
  const versions = await db().modelVersion.findMany({
    where: { ...(q.eventType ? { servingSlot: `event:${q.eventType}` } : { kind: q.kind }), stage: { in: ['production', 'shadow'] } },
    select: { id: true, version: true, stage: true, kind: true, eventType: true, model: { select: { name: true } } },
    orderBy: [{ stage: 'asc' }, { createdAt: 'desc' }],
  });
  // Counting the recent traffic costs three counts per version: only when the query leaves the window open.
  const choice = q.window ? null : await defaultWindow(versions, now);
  const window = q.window ?? choice!.window;
  const snapshots: Record<string, DriftSnapshotView[]> = {};
  const windows: DriftResponse['windows'] = {};
  for (const v of versions) {
    const rows = await db().driftSnapshot.findMany({ where: { modelVersionId: v.id, window }, orderBy: { windowStart: 'desc' }, take: q.limit });
    snapshots[v.id] = rows.reverse().map((s) => ({
      ...s, window: s.window as DriftWindow, status: s.status as DriftSnapshotStatus, features: s.features as unknown as DriftSnapshotView['features'],
      windowStart: s.windowStart.toISOString(), windowEnd: s.windowEnd.toISOString(), createdAt: s.createdAt.toISOString(),
    }));
    windows[v.id] = await windowStates(v, window, now);
  }
  return {
    kind: q.eventType ? 'event' : q.kind, ...(q.eventType ? { eventType: q.eventType } : {}), window,
    versions: versions.map((v) => ({ id: v.id, modelName: v.model.name, version: v.version, stage: v.stage, kind: v.kind })),
    snapshots, windows,
    windowChoice: { requested: !choice, scored: choice?.scored ?? null, target: DEFAULT_WINDOW_TARGET },
  };
}
