// Loads 1,000,000 realistic stored transactions into a fresh database, then times the queries behind the
// review queue and transactions pages (the real lib/server functions) and a real HTTP render of both pages.
//
//   npx tsx bench/load-1m.ts [--db postgres|sqlite] [--rows 1000000] [--keep] [--no-lock]
//
// The `next start` part runs under `flock /tmp/vigil-e2e.lock` (pass --no-lock if you wrap the command in it).
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { generateTransactions } from '@/lib/demo';
import { SPARKOV_CATEGORIES } from '@/lib/ml/events/seed-shapes';
import { argValue, cpuInfo, ensureBuild, fmt, freshDatabase, login, median, NEXT_BIN, startServer, stopServer, table, timedGet, waitFor } from './lib/common';

const argv = process.argv.slice(2);
const KIND = argValue(argv, 'db', 'postgres') as 'postgres' | 'sqlite';
const ROWS = Number(argValue(argv, 'rows', '1000000'));
const KEEP = argv.includes('--keep');
const LOCK = !argv.includes('--no-lock');
const REPEATS = 5;
const PORT = 3401;
const CHUNK = 5_000;
const DAYS = 90;
if (!['postgres', 'sqlite'].includes(KIND) || !(ROWS > 0 && ROWS <= 5_000_000)) {
  console.error('usage: npx tsx bench/load-1m.ts [--db postgres|sqlite] [--rows N] [--keep] [--no-lock]');
  process.exit(2);
}

/** mulberry32: deterministic scores, decisions and labels. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REVIEW = 0.5;
const BLOCK = 0.85;

async function load(dbUrl: string) {
  const { db } = await import('@/lib/server/platform/db');
  const client = db();
  const rand = rng(20261121);
  const start = Date.now() - DAYS * 86_400_000;
  let inserted = 0;
  let flagged = 0;
  let labelled = 0;
  const t0 = Date.now();
  const pgc = KIND === 'postgres' ? new pg.Client({ connectionString: dbUrl }) : null;
  await pgc?.connect();
  const pgLoader = pgc
    ? async (rows: { eventType: string; typeVersion: number; externalId: string; occurredAt: Date; amount: number; payload: unknown; features: unknown; score: number; decision: string; reasons: unknown; label: string | null; labelledAt: Date | null }[]) => {
        await pgc.query(
          `INSERT INTO "Event" ("id","eventType","typeVersion","externalId","occurredAt","amount","payload","features","score","decision","reasons","label","labelledAt")
           SELECT * FROM unnest($1::text[],$2::text[],$3::int[],$4::text[],$5::timestamp(3)[],$6::float8[],$7::jsonb[],$8::jsonb[],$9::float8[],$10::text[],$11::jsonb[],$12::text[],$13::timestamp(3)[])`,
          [
            rows.map(() => `c${crypto.randomBytes(12).toString('hex')}`), rows.map((r) => r.eventType), rows.map((r) => r.typeVersion), rows.map((r) => r.externalId),
            // Prisma stores DateTime in timestamp(3) columns as UTC wall time.
            rows.map((r) => r.occurredAt.toISOString().replace('Z', '')), rows.map((r) => r.amount),
            rows.map((r) => JSON.stringify(r.payload)), rows.map((r) => JSON.stringify(r.features)), rows.map((r) => r.score),
            rows.map((r) => r.decision), rows.map((r) => JSON.stringify(r.reasons)), rows.map((r) => r.label),
            rows.map((r) => r.labelledAt?.toISOString().replace('Z', '') ?? null),
          ],
        );
      }
    : null;
  for (let seed = 1; inserted < ROWS && seed < 1_000; seed++) {
    // ~1.9 rows per card per day: 600 cards × 90 days ≈ 100k rows per generation.
    const rows = generateTransactions({ cards: 600, days: DAYS, seed: 1000 + seed, start });
    const records = rows.slice(0, ROWS - inserted).map((r) => {
      const u = rand();
      const score = r.is_fraud ? 0.55 + 0.45 * u : u ** 20;
      const decision = score >= BLOCK ? 'block' : score >= REVIEW ? 'review' : 'allow';
      const isFlagged = decision !== 'allow';
      const label = rand() < (isFlagged ? 0.3 : 0.001) ? (r.is_fraud ? 'fraud' : 'legit') : null;
      if (isFlagged) flagged++;
      if (label) labelled++;
      const trans_num = `L${seed}-${r.trans_num}`;
      const occurredAt = new Date(r.unix_time * 1000);
      return {
        eventType: 'card_transaction', typeVersion: 1, externalId: trans_num, occurredAt, amount: r.amt,
        payload: { ...r, trans_num } as never,
        features: { amt: r.amt, hour: occurredAt.getUTCHours(), city_pop: r.city_pop, category: SPARKOV_CATEGORIES.indexOf(r.category) } as never,
        score, modelVersionId: null, decision,
        reasons: (isFlagged ? [{ feature: 'amt', text: `Amount $${r.amt} is unusual for this card`, contribution: 0.31 }, { feature: 'hour', text: 'Night-time purchase', contribution: 0.12 }, { feature: 'category', text: `Category ${r.category}`, contribution: 0.05 }] : []) as never,
        shadowScore: null, shadowModelVersionId: null,
        label, labelledAt: label ? new Date(occurredAt.getTime() + 86_400_000) : null,
      };
    });
    for (let i = 0; i < records.length; i += CHUNK) {
      const chunk = records.slice(i, i + CHUNK);
      // Postgres: one INSERT … SELECT FROM unnest(arrays) per chunk through pg (Prisma's createMany with
      // JSONB ran at < 1,000 rows/s here). SQLite: Prisma createMany, so the stored formats are Prisma's own.
      if (pgLoader) await pgLoader(chunk);
      else await client.event.createMany({ data: chunk });
    }
    inserted += records.length;
    const s = (Date.now() - t0) / 1000;
    process.stdout.write(`\r  loaded ${inserted.toLocaleString('en')} rows in ${s.toFixed(0)} s (${fmt(inserted / s, 0)} rows/s)   `);
  }
  process.stdout.write('\n');
  await pgc?.end();
  if (KIND === 'postgres') {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    await c.query('VACUUM ANALYZE "Event"');
    await c.end();
  } else {
    await client.$executeRawUnsafe('ANALYZE');
  }
  return { inserted, flagged, labelled, seconds: (Date.now() - t0) / 1000 };
}

interface Timing { page: string; name: string; ms: number[]; rows: number; total: number | null }

async function timeQueries(dbUrl: string): Promise<{ timings: Timing[]; explains: string[] }> {
  const { reviewQueue } = await import('@/lib/server/compat/transactions-read');
  const { searchTransactions } = await import('@/lib/server/compat/transactions-read');
  const { QueueQuery } = await import('@/lib/schemas/reviews');
  const { TransactionSearchQuery } = await import('@/lib/schemas/transaction-search');
  const today = new Date().toISOString().slice(0, 10);
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  // The pages ask for 100 (review) and 50 (transactions) rows.
  const queue: [string, Record<string, string>][] = [
    ['no filter', {}],
    ['band=block', { band: 'block' }],
    ['category=shopping_net', { category: 'shopping_net' }],
    [`from=${weekAgo} to=${today}`, { from: weekAgo, to: today }],
    ['minAmount=500', { minAmount: '500' }],
    ['band=review + category + dates', { band: 'review', category: 'grocery_pos', from: weekAgo, to: today }],
  ];
  const search: [string, Record<string, string>][] = [
    ['no filter', {}],
    ['decision=review', { decision: 'review' }],
    ['decision=block', { decision: 'block' }],
    ['label=fraud', { label: 'fraud' }],
    ['label=unlabelled', { label: 'unlabelled' }],
    ['category=gas_transport', { category: 'gas_transport' }],
    ['minAmount=1000', { minAmount: '1000' }],
    ['maxAmount=2', { maxAmount: '2' }],
    [`from=${weekAgo} to=${today}`, { from: weekAgo, to: today }],
    ['decision=block + category=shopping_net', { decision: 'block', category: 'shopping_net' }],
    ['q=<card number>', { q: '4' }],
  ];
  const timings: Timing[] = [];
  const run = async (page: string, name: string, f: () => Promise<{ items: unknown[]; total: number | null }>) => {
    const ms: number[] = [];
    let last = { items: [] as unknown[], total: null as number | null };
    for (let i = 0; i < REPEATS; i++) {
      const t = performance.now();
      last = await f();
      ms.push(performance.now() - t);
    }
    timings.push({ page, name, ms, rows: last.items.length, total: last.total });
    console.log(`  ${page.padEnd(13)} ${name.padEnd(40)} median ${fmt(median(ms))} ms  (runs ${ms.map((m) => m.toFixed(0)).join(', ')})  rows ${last.items.length}, total ${last.total}`);
  };
  for (const [name, filters] of queue) await run('review queue', name, () => reviewQueue(QueueQuery.parse({ ...filters, limit: '100' })));
  for (const [name, filters] of search) await run('transactions', name, () => searchTransactions(TransactionSearchQuery.parse(filters)));

  // Postgres: EXPLAIN ANALYZE of the slow cases' real SQL, captured from a logging Prisma client.
  const explains: string[] = [];
  if (KIND === 'postgres') {
    const slow = timings.filter((t) => median(t.ms) > 250);
    if (slow.length) explains.push(...(await explainSlow(dbUrl, slow, queue, search)));
  }
  return { timings, explains };
}

async function explainSlow(dbUrl: string, slow: Timing[], queue: [string, Record<string, string>][], search: [string, Record<string, string>][]) {
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const { PrismaClient } = await import('@/lib/generated/postgres/client');
  const { reviewQueue } = await import('@/lib/server/compat/transactions-read');
  const { searchTransactions } = await import('@/lib/server/compat/transactions-read');
  const { QueueQuery } = await import('@/lib/schemas/reviews');
  const { TransactionSearchQuery } = await import('@/lib/schemas/transaction-search');
  const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: dbUrl, max: 4 }), log: [{ emit: 'event', level: 'query' }] });
  const captured: { query: string; params: string }[] = [];
  logging.$on('query', (e) => captured.push({ query: e.query, params: e.params }));
  const g = globalThis as unknown as { vigilDb?: unknown };
  const original = g.vigilDb;
  g.vigilDb = logging;
  const pgc = new pg.Client({ connectionString: dbUrl });
  await pgc.connect();
  const out: string[] = [];
  try {
    for (const t of slow) {
      captured.length = 0;
      const filters = (t.page === 'review queue' ? queue : search).find(([n]) => n === t.name)![1];
      if (t.page === 'review queue') await reviewQueue(QueueQuery.parse({ ...filters, limit: '100' }));
      else await searchTransactions(TransactionSearchQuery.parse(filters));
      for (const q of captured.filter((c) => /"Event"/.test(c.query))) {
        const params = JSON.parse(q.params) as unknown[];
        const plan = await pgc.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.query}`, params);
        const lines = plan.rows.map((r) => r['QUERY PLAN'] as string);
        out.push(`--- ${t.page} / ${t.name}\n${q.query}\nparams ${q.params}\n${lines.join('\n')}`);
      }
    }
  } finally {
    g.vigilDb = original;
    await pgc.end();
    await logging.$disconnect();
  }
  return out;
}

async function timePages(dbUrl: string, dataDir: string) {
  const { createUser } = await import('@/lib/server/access/users');
  const password = crypto.randomBytes(12).toString('base64url');
  const email = `bench-admin-${Date.now()}@vigil.local`;
  await createUser({ email, name: 'Bench admin', role: 'admin', password });
  const base = `http://127.0.0.1:${PORT}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATABASE_URL: dbUrl, VIGIL_DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn', NEXT_TELEMETRY_DISABLED: '1',
    NEXTAUTH_URL: base, NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
  };
  const logFile = path.join(dataDir, 'next.log');
  const server = startServer([process.execPath, NEXT_BIN, 'start', '-p', String(PORT), '-H', '127.0.0.1'], env, { lock: LOCK, logFile });
  const onSignal = () => { void stopServer(server).finally(() => process.exit(130)); };
  process.once('SIGINT', onSignal);
  const results: { page: string; status: number; ttfb: number[]; total: number[]; bytes: number }[] = [];
  try {
    await waitFor(`${base}/api/health`, 5 * 60_000, server, (r) => r.status > 0);
    const cookie = await login(base, email, password);
    const today = new Date().toISOString().slice(0, 10);
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const pages = ['/review', '/review?band=block', `/review?category=shopping_net&from=${weekAgo}&to=${today}`, '/transactions', '/transactions?decision=review', '/transactions?category=gas_transport&minAmount=100', '/transactions?label=fraud'];
    for (const p of pages) {
      await timedGet(base + p, cookie); // warm-up (route compile caches, pool)
      const ttfb: number[] = [];
      const total: number[] = [];
      let status = 0;
      let bytes = 0;
      for (let i = 0; i < REPEATS; i++) {
        const r = await timedGet(base + p, cookie);
        status = r.status; bytes = r.bytes;
        ttfb.push(r.ttfb); total.push(r.total);
      }
      results.push({ page: p, status, ttfb, total, bytes });
      console.log(`  GET ${p.padEnd(62)} ${status}  TTFB median ${fmt(median(ttfb))} ms, total median ${fmt(median(total))} ms (${total.map((t) => t.toFixed(0)).join(', ')}), ${bytes} bytes`);
    }
  } finally {
    process.off('SIGINT', onSignal);
    await stopServer(server);
  }
  return results;
}

async function main() {
  ensureBuild();
  console.log(`load-1m — ${new Date().toISOString()} — ${KIND}, ${ROWS.toLocaleString('en')} rows — ${cpuInfo()}`);
  const fresh = await freshDatabase(KIND, 'load');
  // Before any lib/server module reads env().
  process.env.DATABASE_URL = fresh.url;
  process.env.VIGIL_DATA_DIR = fresh.dataDir;
  process.env.LOG_LEVEL = 'warn';
  console.log(`  database ${fresh.kind === 'sqlite' ? fresh.url : fresh.name}`);
  const onSignal = () => { void (KEEP ? Promise.resolve() : fresh.drop()).finally(() => process.exit(130)); };
  process.once('SIGINT', onSignal);
  try {
    const { migrate } = await import('@/lib/server/platform/migrations');
    await migrate(fresh.url);
    const loaded = await load(fresh.url);
    console.log(`  loaded ${loaded.inserted.toLocaleString('en')} rows (${loaded.flagged.toLocaleString('en')} review/block = ${fmt((100 * loaded.flagged) / loaded.inserted, 2)} %, ${loaded.labelled.toLocaleString('en')} labelled = ${fmt((100 * loaded.labelled) / loaded.inserted, 2)} %) in ${fmt(loaded.seconds, 0)} s\n`);

    console.log(`Queries (lib/server functions in this process, ${REPEATS} runs each):`);
    const { timings, explains } = await timeQueries(fresh.url);
    console.log('\nHTTP renders (next start, logged-in admin, 1 warm-up + 5 runs each):');
    const pages = await timePages(fresh.url, fresh.dataDir);

    console.log(`\nSummary — ${KIND}, ${loaded.inserted.toLocaleString('en')} transactions (medians of ${REPEATS})\n`);
    console.log(table(['page', 'query', 'median ms', 'rows', 'total'], timings.map((t) => [t.page, t.name, fmt(median(t.ms)), t.rows, t.total ?? '—'])));
    console.log('');
    console.log(table(['GET', 'status', 'TTFB median ms', 'total median ms', '< 1 s'], pages.map((p) => [p.page, p.status, fmt(median(p.ttfb)), fmt(median(p.total)), median(p.total) < 1000 ? 'yes' : 'NO'])));
    if (explains.length) console.log(`\nEXPLAIN ANALYZE of the queries slower than 250 ms:\n\n${explains.join('\n\n')}`);
    console.log(`\nCommand: npx tsx bench/load-1m.ts ${argv.join(' ')}`.trimEnd());
    console.log(`Machine: ${cpuInfo()}`);
    const { db } = await import('@/lib/server/platform/db');
    await db().$disconnect();
  } finally {
    process.off('SIGINT', onSignal);
    if (KEEP) console.log(`Kept: DATABASE_URL=${fresh.url}`);
    else await fresh.drop();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
