// The labels snapshot, streamed: labelled transactions are read in time-ordered pages and written as CSV into
// gzip, sha256, column statistics and a label tally page by page, so a million labels never sit in memory as
// row objects or as one CSV string.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import { ColumnStatsAccumulator } from '@/lib/data/column-stats';
import { LabelTally } from '@/lib/data/csv-schema';
import { SPARKOV_COLUMNS } from '@/lib/ml/events/seed-shapes';
import { smallSampleWarning } from '@/lib/ml/metrics';
import type { SnapshotLabelsInput, SnapshotLabelsResult } from '@/lib/schemas/datasets';
import { LEGACY_KIND_TYPES } from '@/lib/schemas/scope';
import { db } from '../platform/db';
import type { Principal } from '../access/principal';
import { labelsDatasetName } from './labels';
import { csvCell, schemaColumns, storeVersion, unprocessable } from './store';

const PAGE = 5000;
const WHERE = { eventType: LEGACY_KIND_TYPES.transaction, label: { in: ['fraud', 'legit'] } };

interface Labelled { id: string; externalId: string; occurredAt: Date; payload: unknown; label: string | null }

/** Every labelled card transaction, oldest first (ties by id), one page at a time. */
async function forEachPage(fn: (page: Labelled[]) => void): Promise<void> {
  let last: { occurredAt: Date; id: string } | null = null;
  for (;;) {
    const page: Labelled[] = await db().event.findMany({
      // Card payments only: email checks are events of their own type. Keyset paging on (time, id).
      where: { ...WHERE, ...(last ? { OR: [{ occurredAt: { gt: last.occurredAt } }, { occurredAt: last.occurredAt, id: { gt: last.id } }] } : {}) },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
      take: PAGE,
      select: { id: true, externalId: true, occurredAt: true, payload: true, label: true },
    });
    fn(page);
    if (page.length < PAGE) return;
    last = page[page.length - 1];
  }
}

/** A Sparkov row with is_fraud from the label; the id and time fall back to the transaction's own fields. */
function toRow(t: Labelled): Record<string, unknown> {
  const payload = t.payload && typeof t.payload === 'object' && !Array.isArray(t.payload) ? (t.payload as Record<string, unknown>) : {};
  return { ...payload, trans_num: payload.trans_num ?? t.externalId, unix_time: payload.unix_time ?? Math.floor(t.occurredAt.getTime() / 1000), is_fraud: t.label === 'fraud' ? 1 : 0 };
}

export async function snapshotLabels(input: SnapshotLabelsInput, who: Principal | null): Promise<SnapshotLabelsResult> {
  const started = performance.now();
  // Pass 1: the columns (every payload key) and the class counts.
  const keys = new Set<string>(['trans_num', 'unix_time']);
  let total = 0, positives = 0;
  await forEachPage((page) => {
    for (const t of page) {
      if (t.payload && typeof t.payload === 'object' && !Array.isArray(t.payload)) for (const k of Object.keys(t.payload)) keys.add(k);
      total++;
      if (t.label === 'fraud') positives++;
    }
  });
  if (!total) throw unprocessable('no_labels', 'No transaction has a label yet. Label some in the review queue (fraud and legit) first.');
  if (positives === 0 || positives === total) {
    throw unprocessable('unusable_labels', `All ${total} labelled transactions are ${positives ? 'fraud' : 'legit'}; training needs both classes.`);
  }
  const known = SPARKOV_COLUMNS.filter((c) => keys.has(c) && c !== 'is_fraud');
  const columns = [...known, ...[...keys].filter((c) => !known.includes(c as never) && c !== 'is_fraud').sort(), 'is_fraud'];

  // Pass 2: the same rows in time order → CSV bytes, hashed and gzipped as they go.
  const hash = crypto.createHash('sha256');
  const gzip = zlib.createGzip();
  const gzipped: Buffer[] = [];
  gzip.on('data', (c: Buffer) => gzipped.push(c));
  const stats = new ColumnStatsAccumulator(columns);
  const labels = new LabelTally();
  let rowCount = 0;
  const write = (text: string) => { hash.update(text); gzip.write(text); };
  write(stringify([columns]));
  await forEachPage((page) => {
    const rows = page.map(toRow);
    write(stringify(rows, { columns }));
    for (const r of rows) {
      stats.add(columns.map((c) => csvCell(r[c])));
      labels.add(csvCell(r.is_fraud));
    }
    rowCount += rows.length;
  });
  const done = new Promise((resolve, reject) => gzip.once('end', resolve).once('error', reject));
  gzip.end();
  await done;
  const columnStats = stats.finish();
  const roles = { labelColumn: 'is_fraud', timeColumn: 'unix_time', idColumn: 'trans_num' };
  const stored = await storeVersion({
    name: input.name ?? labelsDatasetName(input.kind), kind: input.kind, source: 'labels', createdById: who?.kind === 'user' ? who.id : null,
    content: Buffer.concat(gzipped), sha256: hash.digest('hex'), rowCount, positiveCount: labels.positives,
    columns: schemaColumns(columnStats, roles), stats: { columns: columnStats, label: labels.summary() }, ...roles,
  }, undefined, who);
  const warning = smallSampleWarning(labels.positives, rowCount - labels.positives);
  return { ...stored, createdAt: stored.createdAt.toISOString(), seconds: (performance.now() - started) / 1000, warning };
}
