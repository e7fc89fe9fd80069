// The streamed labels snapshot over several pages: the same bytes (sha256), counts and time order as the
// rows-in-memory version, without holding the rows. 12,000 labels keep the test quick; the streaming is
// what lets a million labels through (no row objects, no single CSV string).
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTransactions } from '@/lib/demo';
import { SPARKOV_COLUMNS } from '@/lib/ml/events/seed-shapes';
import { tableView } from '@/lib/ml/table';
import { labelledTransactionRows, loadDatasetTable, prepareRows, snapshotLabels } from '@/lib/server/datasets';
import { db } from '@/lib/server/platform/db';
import { unique } from './helpers';

const N = 12_000;

beforeAll(async () => {
  const rows = generateTransactions({ cards: 400, days: 30, seed: 77, fraudRate: 0.05 }).slice(0, N);
  expect(rows).toHaveLength(N);
  const tag = unique('snap');
  const data = rows.map((r, i) => ({
    eventType: 'card_transaction', typeVersion: 1, externalId: `${tag}-${i}`, occurredAt: new Date(r.unix_time * 1000), amount: r.amt,
    payload: { ...r, is_fraud: undefined } as never, label: r.is_fraud ? 'fraud' : 'legit',
  }));
  for (let k = 0; k < data.length; k += 2000) await db().event.createMany({ data: data.slice(k, k + 2000) });
});

describe(`labels snapshot of ${N.toLocaleString('en-US')}+ labels`, () => {
  it('streams the same CSV the in-memory rows would give, in time order', async () => {
    const total = await db().event.count({ where: { eventType: 'card_transaction', label: { in: ['fraud', 'legit'] } } });
    const fraud = await db().event.count({ where: { eventType: 'card_transaction', label: 'fraud' } });
    const snap = await snapshotLabels({ kind: 'transaction', name: unique('labels-scale') }, null);
    expect(snap).toMatchObject({ rowCount: total, positiveCount: fraud, labelColumn: 'is_fraud', timeColumn: 'unix_time' });

    // The former implementation: every row in memory, sorted by time, stringified at once.
    const rows = await labelledTransactionRows();
    const keys = new Set(rows.flatMap((r) => Object.keys(r)));
    const known = SPARKOV_COLUMNS.filter((c) => keys.has(c) && c !== 'is_fraud');
    const columns = [...known, ...[...keys].filter((c) => !known.includes(c as never) && c !== 'is_fraud').sort(), 'is_fraud'];
    const expected = prepareRows({ name: 'x', kind: 'transaction', source: 'labels', rows, columns, labelColumn: 'is_fraud', timeColumn: 'unix_time', idColumn: 'trans_num' });
    expect(snap.sha256).toBe(expected.sha256);

    const { table } = await loadDatasetTable(snap.id);
    expect(table.nRows).toBe(total);
    const time = tableView(table).numbers('unix_time')!;
    let ordered = true;
    for (let i = 1; i < time.length; i++) if (time[i] < time[i - 1]) ordered = false;
    expect(ordered).toBe(true);
  }, 120_000);
});
