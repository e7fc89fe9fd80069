// The labels snapshot of an event type: its labelled events, oldest first, as a new dataset version of that type
// (the current definition's fields plus is_fraud). Written page by page into gzip, sha256 and column statistics.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import { ColumnStatsAccumulator } from '@/lib/data/column-stats';
import { LabelTally } from '@/lib/data/csv-schema';
import { smallSampleWarning } from '@/lib/ml/metrics';
import type { SnapshotEventLabelsInput, SnapshotLabelsResult } from '@/lib/schemas/datasets';
import { csvCell, schemaColumns, storeVersion, unprocessable } from '../datasets/store';
import { db } from '../platform/db';
import type { Principal } from '../access/principal';
import { definitionOf } from './event-types';

const PAGE = 5000;
const LABEL = 'is_fraud';

export async function snapshotEventLabels(input: SnapshotEventLabelsInput, who: Principal | null): Promise<SnapshotLabelsResult & { eventTypeVersion: number }> {
  const started = performance.now();
  const { definition, version } = await definitionOf(input.eventType);
  const columns = [...definition.fields.map((f) => f.name).filter((n) => n !== LABEL), LABEL];
  const hash = crypto.createHash('sha256');
  const gzip = zlib.createGzip();
  const gzipped: Buffer[] = [];
  gzip.on('data', (c: Buffer) => gzipped.push(c));
  const write = (text: string) => { hash.update(text); gzip.write(text); };
  const stats = new ColumnStatsAccumulator(columns);
  const labels = new LabelTally();
  let rowCount = 0;
  write(stringify([columns]));
  // Keyset paging on (time, id): a large table is never read in one query.
  let last: { occurredAt: Date; id: string } | null = null;
  for (;;) {
    const page: { id: string; occurredAt: Date; payload: unknown; label: string | null }[] = await db().event.findMany({
      where: { eventType: input.eventType, label: { in: ['fraud', 'legit'] }, ...(last ? { OR: [{ occurredAt: { gt: last.occurredAt } }, { occurredAt: last.occurredAt, id: { gt: last.id } }] } : {}) },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }], take: PAGE, select: { id: true, occurredAt: true, payload: true, label: true },
    });
    const rows = page.map((e): Record<string, unknown> => ({ ...(e.payload as Record<string, unknown>), [LABEL]: e.label === 'fraud' ? 1 : 0 }));
    write(stringify(rows, { columns }));
    for (const r of rows) {
      stats.add(columns.map((c) => csvCell(r[c])));
      labels.add(csvCell(r[LABEL]));
    }
    rowCount += rows.length;
    if (page.length < PAGE) break;
    last = page[page.length - 1];
  }
  const done = new Promise((resolve, reject) => gzip.once('end', resolve).once('error', reject));
  gzip.end();
  await done;
  if (!rowCount) throw unprocessable('no_labels', `No ${input.eventType} event has a label yet. Label some (fraud and legit) first.`);
  if (labels.positives === 0 || labels.positives === rowCount) {
    throw unprocessable('unusable_labels', `All ${rowCount} labelled ${input.eventType} events are ${labels.positives ? 'fraud' : 'legit'}; training needs both classes.`);
  }
  const columnStats = stats.finish();
  const roles = { labelColumn: LABEL, timeColumn: definition.timeField, idColumn: definition.idField };
  const stored = await storeVersion({
    name: input.name ?? `labels-${input.eventType}`, kind: 'event', eventType: input.eventType, eventTypeVersion: version,
    source: 'labels', createdById: who?.kind === 'user' ? who.id : null,
    content: Buffer.concat(gzipped), sha256: hash.digest('hex'), rowCount, positiveCount: labels.positives,
    columns: schemaColumns(columnStats, roles), stats: { columns: columnStats, label: labels.summary() }, ...roles,
  }, undefined, who);
  const warning = smallSampleWarning(labels.positives, rowCount - labels.positives);
  return { ...stored, createdAt: stored.createdAt.toISOString(), seconds: (performance.now() - started) / 1000, eventTypeVersion: version, warning };
}
