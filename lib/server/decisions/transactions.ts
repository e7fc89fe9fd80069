// Transaction scoring and ingestion: validate, add per-card history (one query per batch), score with
// production (and shadow), store with the decision, raise alerts. Re-sending an external id is a no-op.
import { featurize, type Row } from '@/lib/ml/features';
import type { TrainedModel } from '@/lib/ml/model';
import { decideInProduction } from '@/lib/ml/probability';
import type { FeatureMatrix } from '@/lib/ml/types';
import { SparkovTransaction } from '@/lib/schemas/scoring';
import { createAlerts } from '../alerts/alerts';
import { db } from '../platform/db';
import { countScore } from '../platform/metrics';
import { ApiError, badRequest, zodFields } from '../platform/http';
import { isUniqueViolation } from '../platform/db-errors';
import type { Principal } from '../access/principal';
import { explain, scorerFor, shadowScorer, type Scorer, type ScoreResult } from './scoring';
import { queueDeliveries } from '../alerts/webhooks';

// Velocity needs the last 24 h; the card's running mean is taken over its recent transactions.
const HISTORY_DAYS = 7;
const HISTORY_PER_CARD = 50;

export type RecordError = { index: number; fields: Record<string, string[]> };

export function validateTransactions(raw: unknown[]): { valid: { index: number; tx: SparkovTransaction }[]; errors: RecordError[] } {
  const valid: { index: number; tx: SparkovTransaction }[] = [];
  const errors: RecordError[] = [];
  raw.forEach((item, index) => {
    const parsed = SparkovTransaction.safeParse(item);
    if (parsed.success) valid.push({ index, tx: parsed.data });
    else errors.push({ index, fields: zodFields(parsed.error) });
  });
  return { valid, errors };
}

/** Earlier transactions of the batch's cards, oldest first: the history velocity features replay. */
export async function cardHistory(txs: SparkovTransaction[]): Promise<Row[]> {
  if (!txs.length) return [];
  const cards = [...new Set(txs.map((t) => t.cc_num))];
  const earliest = txs.reduce((m, t) => Math.min(m, t.unix_time), Infinity);
  const rows = await db().transaction.findMany({
    where: { cardId: { in: cards }, occurredAt: { gte: new Date((earliest - HISTORY_DAYS * 86_400) * 1000), lt: new Date(earliest * 1000) } },
    orderBy: { occurredAt: 'desc' },
    select: { cardId: true, payload: true },
    take: cards.length * HISTORY_PER_CARD,
  });
  return rows.reverse().map((r) => r.payload as Row);
}

export async function scoreTransaction(raw: unknown, modelVersionId?: string): Promise<ScoreResult & { trans_num: string }> {
  const parsed = SparkovTransaction.safeParse(raw);
  if (!parsed.success) throw badRequest('Transaction is invalid.', zodFields(parsed.error));
  const scorer = await scorerFor('transaction', modelVersionId);
  const history = await cardHistory([parsed.data]);
  return { trans_num: parsed.data.trans_num, ...explain(scorer, parsed.data as Row, history) };
}

/** Scores up to 1,000 records; a bad record gets its own error and the rest are still scored. */
export async function scoreTransactionBatch(raw: unknown[], modelVersionId?: string) {
  const { valid, errors } = validateTransactions(raw);
  const scorer = await scorerFor('transaction', modelVersionId);
  const history = await cardHistory(valid.map((v) => v.tx));
  const results: ({ index: number } & (ScoreResult | { error: { code: string; fields: Record<string, string[]> } }))[] = [
    ...errors.map((e) => ({ index: e.index, error: { code: 'invalid_record', fields: e.fields } })),
  ];
  // Earlier rows of the batch are history for later rows of the same card.
  const timeline = cardTimeline(history);
  for (const { index, tx } of [...valid].sort((a, b) => a.tx.unix_time - b.tx.unix_time)) {
    results.push({ index, ...explain(scorer, tx as Row, timeline.before(tx)) });
    timeline.add(tx);
  }
  return { results: results.sort((a, b) => a.index - b.index), modelVersionId: scorer.versionId };
}

export interface IngestSummary { received: number; stored: number; duplicates: string[]; flagged: number; modelVersionId: string | null; shadowVersionId: string | null }

/** All or nothing: any invalid record rejects the batch with per-record errors and stores nothing. */
export async function ingestTransactions(raw: unknown[], _actor: Principal | null): Promise<IngestSummary> {
  const { valid, errors } = validateTransactions(raw);
  if (errors.length) throw new ApiError(422, 'invalid_records', `${errors.length} of ${raw.length} records are invalid; nothing was stored.`, Object.fromEntries(errors.flatMap((e) => Object.entries(e.fields).map(([k, v]) => [`transactions.${e.index}.${k}`, v]))));

  const ids = valid.map((v) => v.tx.trans_num);
  const dupInBatch = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupInBatch.length) throw new ApiError(422, 'duplicate_ids', `trans_num repeats within the batch: ${[...new Set(dupInBatch)].slice(0, 5).join(', ')}.`);
  // A concurrent request may store some of the same ids between our read and our insert: the unique index
  // refuses ours, and the next attempt reads them back as duplicates (the no-op the API promises).
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeFresh(valid.map((v) => v.tx), raw.length);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (attempt >= MAX_STORE_ATTEMPTS) throw new ApiError(409, 'conflict', 'Other requests kept storing the same transactions; send the batch again.');
    }
  }
}

const MAX_STORE_ATTEMPTS = 5;

async function storeFresh(valid: SparkovTransaction[], received: number): Promise<IngestSummary> {
  const ids = valid.map((tx) => tx.trans_num);
  const existing = new Set((await db().transaction.findMany({ where: { externalId: { in: ids } }, select: { externalId: true } })).map((t) => t.externalId));
  const fresh = valid.filter((tx) => !existing.has(tx.trans_num)).sort((a, b) => a.unix_time - b.unix_time);

  const scorer = await scorerFor('transaction').catch((err) => (err instanceof ApiError && err.code === 'no_model' ? null : Promise.reject(err)));
  const shadow = await shadowScorer('transaction');
  const history = await cardHistory(fresh);
  const rows = fresh as Row[];
  const X = scorer ? featurize(scorer.model.model.featureSpec, rows, { history }) : null;
  const probabilities = scorer && X ? scorer.model.scoreMatrix(X) : null;
  const monitored = scorer && X ? monitoredColumns(scorer.model.model, X) : [];
  const shadowProbabilities = shadow ? shadow.model.scoreRows(rows, { history }) : null;

  const timeline = cardTimeline(history);
  const records = fresh.map((tx, i) => {
    const p = probabilities?.[i];
    const scored = scorer && p !== undefined ? explainIfFlagged(scorer, tx, p, timeline.before(tx)) : null;
    timeline.add(tx);
    return {
      externalId: tx.trans_num,
      occurredAt: new Date(tx.unix_time * 1000),
      cardId: tx.cc_num,
      customerId: [tx.first, tx.last].filter(Boolean).join(' ') || null,
      amount: tx.amt,
      merchant: tx.merchant ?? null,
      category: tx.category,
      payload: tx as never,
      // The baseline's features, as scored: what drift snapshots compare against the training baseline.
      features: X ? (Object.fromEntries(monitored.map(({ name, column }) => [name, finiteOrNull(column[i])])) as never) : undefined,
      score: p ?? null,
      modelVersionId: scorer?.versionId ?? null,
      decision: scored?.decision ?? null,
      reasons: (scored?.reasons ?? undefined) as never,
      shadowScore: shadowProbabilities?.[i] ?? null,
      shadowModelVersionId: shadow?.versionId ?? null,
    };
  });
  // Rows and their alerts commit together; webhooks go out after.
  const alerts = await db().$transaction(async (tx) => {
    await tx.transaction.createMany({ data: records });
    const flaggedIds = records.filter((r) => r.decision === 'review' || r.decision === 'block').map((r) => r.externalId);
    const flagged = await tx.transaction.findMany({ where: { externalId: { in: flaggedIds } }, select: { id: true, externalId: true, decision: true, score: true, amount: true } });
    return createAlerts(tx, flagged.map((f) => ({
      type: 'high_risk' as const, severity: f.decision === 'block' ? ('critical' as const) : ('warning' as const), transactionId: f.id,
      title: `${f.decision === 'block' ? 'Blocked' : 'Review'}: ${f.externalId} (${Math.round((f.score ?? 0) * 100)}% risk, $${f.amount?.toFixed(2)})`,
      payload: { decision: f.decision, score: f.score, externalId: f.externalId },
    })));
  }, { timeout: 60_000, maxWait: 30_000 });
  await queueDeliveries(alerts);
  for (const band of ['allow', 'review', 'block'] as const) countScore('transaction', band, records.filter((r) => r.decision === band).length);
  return {
    received,
    stored: records.length,
    duplicates: [...existing],
    flagged: records.filter((r) => r.decision === 'review' || r.decision === 'block').length,
    modelVersionId: scorer?.versionId ?? null,
    shadowVersionId: shadow?.versionId ?? null,
  };
}

/** Reasons are computed only for flagged rows: they are the ones a person reads. */
function explainIfFlagged(scorer: Scorer, tx: SparkovTransaction, p: number, cardRows: Row[]) {
  const { decision } = decideInProduction(scorer.model.model, p, scorer.bands, scorer.prodRate);
  if (decision === 'allow') return { decision, reasons: [] };
  return { decision, reasons: explain(scorer, tx as Row, cardRows).reasons };
}

/** Each card's earlier transactions, grouped once, so a batch does not rescan the whole history per row. */
function cardTimeline(history: Row[]) {
  const byCard = new Map<string, Row[]>();
  const add = (row: Row) => {
    const card = String(row.cc_num);
    const rows = byCard.get(card);
    if (rows) rows.push(row);
    else byCard.set(card, [row]);
  };
  history.forEach(add);
  return { before: (tx: SparkovTransaction) => [...(byCard.get(tx.cc_num) ?? [])], add: (tx: SparkovTransaction) => add(tx as Row) };
}

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

/** The feature columns the version's drift baseline tracks (its most important features). */
function monitoredColumns(model: TrainedModel, X: FeatureMatrix) {
  const wanted = new Set(model.baseline.features.map((f) => f.name));
  return X.names.flatMap((name, j) => (wanted.has(name) ? [{ name, column: X.columns[j] }] : []));
}
