// Ingestion cost of event types against transactions, in-process on a fresh database (no HTTP): batches of 500
// in time order through ingestTransactions (before: Sparkov rows, per-card history) and ingestEvents (after: an
// event type with 10 aggregates, state per entity key read and written in the batch's transaction), each with a
// production model, plus events without a model and events where one key is hot.
//
//   npx tsx bench/event-ingest.ts [--db postgres|sqlite] [--events 20000]
import { spawnSync } from 'node:child_process';
import { argValue, cpuInfo, fmt, freshDatabase, ROOT, table } from './lib/common';

const argv = process.argv.slice(2);
const kind = argValue(argv, 'db', 'postgres') as 'postgres' | 'sqlite';
const N = Number(argValue(argv, 'events', '20000'));
const BATCH = 500;

async function main() {
  const fresh = await freshDatabase(kind, 'events');
  process.env.DATABASE_URL = fresh.url;
  process.env.VIGIL_DATA_DIR = fresh.dataDir;
  process.env.LOG_LEVEL = 'warn';
  const m = spawnSync('npx', ['tsx', 'scripts/migrate.ts'], { cwd: ROOT, env: process.env, encoding: 'utf8' });
  if (m.status !== 0) throw new Error(m.stderr || m.stdout);
  // Imported after DATABASE_URL is set: every lib/server module reads it once.
  const { generateTransactions } = await import('@/lib/demo');
  const { generateOrders, ORDER_EVENT_TYPE } = await import('@/lib/demo/orders');
  const { trainModel } = await import('@/lib/ml/model');
  const { registerVersion, setStage } = await import('@/lib/server/registry/models');
  const { ingestTransactions } = await import('@/lib/server/compat/transactions');
  const { createEventType, ingestEvents } = await import('@/lib/server/events');
  const { SparkovTransaction } = await import('@/lib/schemas/scoring');
  const rows: string[][] = [];

  async function timed(what: string, batches: unknown[][], ingest: (b: unknown[]) => Promise<unknown>) {
    const started = performance.now();
    const perBatch: number[] = [];
    for (const b of batches) {
      const t = performance.now();
      await ingest(b);
      perBatch.push(performance.now() - t);
    }
    const s = (performance.now() - started) / 1000;
    perBatch.sort((a, b) => a - b);
    const n = batches.reduce((a, b) => a + b.length, 0);
    rows.push([what, String(n), fmt(n / s, 0), fmt(perBatch[Math.floor(perBatch.length / 2)], 0), fmt(perBatch[Math.floor(perBatch.length * 0.95)], 0)]);
    console.log(`${what}: ${fmt(n / s, 0)} events/s`);
  }
  const chunks = <T,>(xs: T[]) => Array.from({ length: Math.ceil(xs.length / BATCH) }, (_, i) => xs.slice(i * BATCH, (i + 1) * BATCH));

  // Before: transactions with a production model. Training on the first days, ingesting the rest.
  const txs = generateTransactions({ cards: 600, days: 40, seed: 9, start: Date.UTC(2026, 0, 1), fraudRate: 0.02 });
  const txTrain = txs.slice(0, 20_000);
  const txModel = await trainModel({ kind: 'transaction', rows: txTrain as never, labelColumn: 'is_fraud', algorithm: 'gbdt', params: { rounds: 100, depth: 6 } });
  await setStage((await registerVersion({ trained: txModel, modelName: 'bench-tx' })).id, 'production', 'bench', null);
  const txLive = txs.slice(20_000, 20_000 + N).map((t) => SparkovTransaction.parse(t));
  await timed('transactions (model)', chunks(txLive), (b) => ingestTransactions(b, null));

  // After: an event type with 10 aggregates and a production model trained on a replay of its history.
  const history = generateOrders({ customers: 3000, orders: 20_000, bursts: 400, seed: 3, time: 'ms' });
  const def = { ...ORDER_EVENT_TYPE, name: 'bench_order' };
  await createEventType(def, null);
  const evModel = await trainModel({ kind: 'event', rows: history as never, labelColumn: 'is_fraud', algorithm: 'gbdt', params: { rounds: 100, depth: 6 }, featureOptions: { eventType: def } });
  await setStage((await registerVersion({ trained: evModel, modelName: 'bench-order', eventType: { name: 'bench_order', version: 1 } })).id, 'production', 'bench', null);
  const live = generateOrders({ customers: 3000, orders: N, bursts: Math.round(N / 50), seed: 4, time: 'ms' })
    .map(({ is_fraud: _l, ...o }) => ({ ...o, order_id: `live-${o.order_id}`, created_at: Number(o.created_at) + 40 * 86_400_000 }))
    .sort((a, b) => a.created_at - b.created_at);
  await timed('events (model, 10 aggregates)', chunks(live), (b) => ingestEvents('bench_order', b as never, null));

  // Aggregates and storage alone; then one hot key (every event from one customer, email and IP).
  await createEventType({ ...def, name: 'bench_nomodel' }, null);
  await timed('events (no model)', chunks(live.map((o) => ({ ...o }))), (b) => ingestEvents('bench_nomodel', b as never, null));
  await createEventType({ ...def, name: 'bench_hot' }, null);
  const hot = live.map((o) => ({ ...o, customer_id: 'guest', email: 'guest@shop.example', ip: '192.0.2.1' }));
  await timed('events (no model, one hot key)', chunks(hot), (b) => ingestEvents('bench_hot', b as never, null));

  console.log(`\n${kind}, batches of ${BATCH}; ${cpuInfo()}`);
  console.log(table(['what', 'events', 'events/s', 'median batch ms', 'p95 batch ms'], rows));
  await fresh.drop();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
