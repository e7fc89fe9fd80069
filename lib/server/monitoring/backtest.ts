// Backtest: replay stored, labelled traffic through any version and sweep the threshold. Also the
// audited threshold edit the tuner saves with.
import type { Row } from '@/lib/ml/features';
import { evaluate, rocAucInterval, smallSampleWarning } from '@/lib/ml/metrics';
import { prepareSweep, sweepPoint, thresholdSweep } from '@/lib/ml/sweep';
import type { BacktestInput, ThresholdsInput } from '@/lib/schemas/monitoring';
import { recordAudit } from '../access/audit';
import { isLegacyKind, LEGACY_KIND_TYPES } from '@/lib/schemas/scope';
import { db } from '../platform/db';
import { toProductionScale } from '../decisions/expected-rate';
import { replayLabelledEvents } from '../events/backtest';
import { ApiError, notFound } from '../platform/http';
import { loadVersion } from '../registry/models';
import type { Principal } from '../access/principal';
import { resetScoringCache } from '../decisions/scoring';

const HISTORY_DAYS = 30;
const MAX_HISTORY_ROWS = 500_000;
export const DEFAULT_COSTS = { fp: 1, fn: 10 };

/** The stored items of a model kind that predates event types: the events of its built-in type. */
export const kindWhere = (kind: string) => ({ eventType: isLegacyKind(kind) ? LEGACY_KIND_TYPES[kind] : kind });

/** The version's own training costs when the artefact has them, else 1:10. */
export async function versionCosts(versionId: string): Promise<{ fp: number; fn: number }> {
  const c = (await loadVersion(versionId)).model.costs;
  return c && c.fp > 0 && c.fn > 0 ? c : DEFAULT_COSTS;
}

export interface Replay { ids: string[]; y: Uint8Array; p: Float64Array; from: Date | null; to: Date | null }

/** Scores the latest `limit` labelled rows of the version's kind in [from, to), oldest first. */
export async function replayLabelled(versionId: string, opts: Partial<BacktestInput> = {}): Promise<Replay> {
  const v = await db().modelVersion.findUnique({ where: { id: versionId }, select: { kind: true } });
  if (!v) throw notFound('Model version');
  if (v.kind === 'tabular') throw new ApiError(422, 'unsupported_kind', 'Backtests replay stored transactions or emails; tabular models have no stored traffic.');
  if (v.kind === 'event') return replayLabelledEvents(versionId, opts);
  const stored = (await db().event.findMany({
    where: { ...kindWhere(v.kind), label: { not: null }, occurredAt: { ...(opts.from ? { gte: opts.from } : {}), ...(opts.to ? { lt: opts.to } : {}) } },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: opts.limit ?? 20_000,
    select: { id: true, label: true, occurredAt: true, payload: true },
  })).reverse();
  const model = await loadVersion(versionId);
  // An event stored without the columns this model reads (sent through another path) cannot be replayed by it.
  const labelled = stored.filter((t) => model.missingColumns(Object.keys((t.payload ?? {}) as object)).length === 0);
  const y = Uint8Array.from(labelled, (t) => (t.label === 'fraud' ? 1 : 0));
  const range = { from: labelled[0]?.occurredAt ?? null, to: labelled.at(-1)?.occurredAt ?? null };
  if (!labelled.length) return { ids: [], y, p: new Float64Array(0), ...range };
  if (v.kind === 'email') {
    const rows = labelled.map((t) => ({ email: String((t.payload as { email?: unknown })?.email ?? '') }));
    return { ids: labelled.map((t) => t.id), y, p: model.scoreRows(rows), ...range };
  }
  // Velocity needs every stored transaction of these cards (labelled or not) in the 30 days before
  // and through the replayed span; featurize sorts history and rows by time itself.
  const ids = new Set(labelled.map((t) => t.id));
  const cards = [...new Set(labelled.map((t) => String((t.payload as { cc_num?: unknown }).cc_num ?? '')))];
  const earlier: { eventId: string; event: { payload: unknown } }[] = [];
  // SQLite binds at most 999 parameters: the cards go in slices.
  for (let i = 0; i < cards.length && earlier.length < MAX_HISTORY_ROWS; i += 500) {
    const page = await db().eventEntity.findMany({
      where: { ...kindWhere(v.kind), entity: 'card', key: { in: cards.slice(i, i + 500) }, occurredAt: { gte: new Date(range.from!.getTime() - HISTORY_DAYS * 86_400_000), lte: range.to! } },
      select: { eventId: true, event: { select: { payload: true } } },
      take: MAX_HISTORY_ROWS - earlier.length,
    });
    // Appended in a loop: a page of up to 500k rows is too many to pass as call arguments.
    for (const row of page) earlier.push(row);
  }
  const history = earlier.filter((t) => !ids.has(t.eventId)).map((t) => t.event.payload as Row);
  return { ids: labelled.map((t) => t.id), y, p: model.scoreRows(labelled.map((t) => t.payload as Row), { history }), ...range };
}

export async function backtest(versionId: string, opts: Partial<BacktestInput> = {}) {
  const v = await db().modelVersion.findUnique({ where: { id: versionId }, select: { id: true, kind: true, threshold: true, reviewThreshold: true, blockThreshold: true } });
  if (!v) throw notFound('Model version');
  const replay = await replayLabelled(versionId, opts);
  // The bands apply at the expected production fraud rate: the sweep and the tuner's scores are on that scale.
  const p = await toProductionScale(versionId, (await loadVersion(versionId)).model, replay.p);
  const costs = await versionCosts(versionId);
  const sweepOpts = { costFp: costs.fp, costFn: costs.fn };
  let positives = 0;
  for (const l of replay.y) positives += l;
  const metrics = replay.y.length ? evaluate(replay.y, p, v.threshold) : null;
  const negatives = replay.y.length - positives;
  return {
    versionId, kind: v.kind, n: replay.y.length, positives,
    from: replay.from?.toISOString() ?? null, to: replay.to?.toISOString() ?? null,
    threshold: v.threshold, bands: { review: v.reviewThreshold, block: v.blockThreshold }, costs,
    metrics,
    /** 95% interval of the ROC-AUC, and a warning when either class has too few labels to trust the metrics. */
    rocAucInterval: metrics?.rocAuc == null ? null : rocAucInterval(metrics.rocAuc, positives, negatives),
    warning: replay.y.length ? smallSampleWarning(positives, negatives) : null,
    atThreshold: sweepPoint(prepareSweep(replay.y, p), v.threshold, sweepOpts),
    sweep: thresholdSweep(replay.y, p, sweepOpts),
    // [score, label] pairs, so the tuner can compute any threshold exactly in the browser.
    scores: Array.from(p, (q, i) => [Math.round(q * 1e6) / 1e6, replay.y[i]] as const),
  };
}
export type BacktestResult = Awaited<ReturnType<typeof backtest>>;

/** Engineers move a version's cut-off and band; scoring picks it up within a second, and it is audited. */
export async function saveThresholds(versionId: string, input: ThresholdsInput, actor: Principal | null) {
  const select = { id: true, threshold: true, reviewThreshold: true, blockThreshold: true } as const;
  const updated = await db().$transaction(async (tx) => {
    const before = await tx.modelVersion.findUnique({ where: { id: versionId }, select });
    if (!before) throw notFound('Model version');
    const after = await tx.modelVersion.update({ where: { id: versionId }, data: input, select });
    await recordAudit(actor, { action: 'model.thresholds', targetType: 'modelVersion', targetId: versionId, before: { threshold: before.threshold, reviewThreshold: before.reviewThreshold, blockThreshold: before.blockThreshold }, after: input }, tx);
    return after;
  });
  // This process notices at once; other instances within their 1 s pointer TTL.
  resetScoringCache();
  return updated;
}
