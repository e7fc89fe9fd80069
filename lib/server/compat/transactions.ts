// The card transaction API of the first releases, as a thin mapping onto the built-in card_transaction event
// type: the records are checked against Sparkov's columns (the errors read as they always did), then scored and
// stored by the event services. Re-sending an external id is a no-op.
import { SparkovTransaction } from '@/lib/schemas/scoring';
import type { EventRecord } from '@/lib/schemas/events';
import { ApiError, badRequest, zodFields } from '../platform/http';
import type { Principal } from '../access/principal';
import { ingestEvents, scoreEvents } from '../events';
import { CARD_TYPE } from '../events/legacy-models';
import { type ScoreResult, toScoreResult } from '../decisions/scoring';

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

/** The event of a checked record: the type's time field is filled from unix_time when the record lacks it. */
const toEvent = (tx: SparkovTransaction): EventRecord =>
  (tx.trans_date_trans_time ? tx : { ...tx, trans_date_trans_time: new Date(tx.unix_time * 1000).toISOString().slice(0, 19).replace('T', ' ') }) as EventRecord;

type EventScore = ScoreResult & { index: number };

export async function scoreTransaction(raw: unknown, modelVersionId?: string): Promise<ScoreResult & { trans_num: string }> {
  const parsed = SparkovTransaction.safeParse(raw);
  if (!parsed.success) throw badRequest('Transaction is invalid.', zodFields(parsed.error));
  const scored = (await scoreEvents(CARD_TYPE, { event: toEvent(parsed.data), modelVersionId })) as unknown as EventScore;
  return { trans_num: parsed.data.trans_num, ...toScoreResult(scored) };
}

/** Scores up to 1,000 records; a bad record gets its own error and the rest are still scored. */
export async function scoreTransactionBatch(raw: unknown[], modelVersionId?: string) {
  const { valid, errors } = validateTransactions(raw);
  const failed = errors.map((e) => ({ index: e.index, error: { code: 'invalid_record', fields: e.fields } }));
  const scored = await scoreEvents(CARD_TYPE, { events: valid.map((v) => toEvent(v.tx)), modelVersionId });
  const results = ('results' in scored ? scored.results : undefined) ?? [];
  const ok = results.flatMap((r) => ('error' in r ? [] : [{ index: valid[r.index].index, ...toScoreResult(r as EventScore) }]));
  return { results: [...failed, ...ok].sort((a, b) => a.index - b.index), modelVersionId: scored.modelVersionId };
}

export interface IngestSummary { received: number; stored: number; duplicates: string[]; flagged: number; modelVersionId: string | null; shadowVersionId: string | null }

/** All or nothing: any invalid record rejects the batch with per-record errors and stores nothing. */
export async function ingestTransactions(raw: unknown[], actor: Principal | null): Promise<IngestSummary> {
  const { valid, errors } = validateTransactions(raw);
  if (errors.length) throw new ApiError(422, 'invalid_records', `${errors.length} of ${raw.length} records are invalid; nothing was stored.`, Object.fromEntries(errors.flatMap((e) => Object.entries(e.fields).map(([k, v]) => [`transactions.${e.index}.${k}`, v]))));
  const ids = valid.map((v) => v.tx.trans_num);
  const dupInBatch = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupInBatch.length) throw new ApiError(422, 'duplicate_ids', `trans_num repeats within the batch: ${[...new Set(dupInBatch)].slice(0, 5).join(', ')}.`);
  const r = await ingestEvents(CARD_TYPE, valid.map((v) => toEvent(v.tx)), actor);
  return { received: raw.length, stored: r.stored, duplicates: r.duplicates, flagged: r.flagged, modelVersionId: r.modelVersionId, shadowVersionId: r.shadowVersionId };
}
