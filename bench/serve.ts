// Serving benchmark: starts the real product (scripts/start.ts, as `npm start` does) on a fresh database,
// then drives it over HTTP with autocannon: single email scores at a fixed 500 req/s and flat out, and
// ingestion of 500-row batches, as Sparkov transactions and as card_transaction events (per-card aggregates).
// See bench/README.md.
//
//   npx tsx bench/serve.ts [--db sqlite|postgres|both] [--duration 60] [--no-lock]
//
// The server runs under `flock /tmp/vigil-e2e.lock` (nobody rebuilds .next under it); pass --no-lock when
// you already wrap the whole command in that flock yourself.
import autocannon, { type Request as AcRequest, type Result } from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateEmails, generateTransactions } from '@/lib/demo';
import { argValue, cpuInfo, ensureBuild, fmt, freshDatabase, mintToken, startServer, stopServer, table, waitFor } from './lib/common';

const argv = process.argv.slice(2);
const dbArg = argValue(argv, 'db', 'sqlite');
const DURATION = Number(argValue(argv, 'duration', '60'));
const LOCK = !argv.includes('--no-lock');
const PORT = 3400;
const BASE = `http://127.0.0.1:${PORT}`;
const BATCH = 500;
const INGEST_CONNECTIONS = Number(argValue(argv, 'ingest-connections', '4'));
if (!['sqlite', 'postgres', 'both'].includes(dbArg) || !(DURATION > 0 && DURATION <= 600)) {
  console.error('usage: npx tsx bench/serve.ts [--db sqlite|postgres|both] [--duration 1..600] [--no-lock]');
  process.exit(2);
}

interface Row { db: string; what: string; figures: Record<string, string> }
const summary: Row[] = [];

function statusCounts(r: Result) {
  return Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => `${k}:${v.count}`).join(' ');
}

async function emailRuns(token: string, dbName: string) {
  const emails = generateEmails({ count: 20_000, seed: 4242 }).map((e) => e.email);
  let i = 0;
  const requests = [{
    method: 'POST', path: '/api/score/email',
    setupRequest: (req: AcRequest) => ({ ...req, body: JSON.stringify({ email: emails[i++ % emails.length] }) }),
  }];
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  // Warm-up: JIT, the model cache, the connection pool. Not reported.
  await autocannon({ url: BASE, headers, connections: 10, duration: 5, overallRate: 200, requests });

  const fixed = await autocannon({ url: BASE, headers, connections: 20, duration: 30, overallRate: 500, requests });
  console.log(`  email @500/s: ${fixed.requests.total} req, p50 ${fixed.latency.p50} ms, p90 ${fixed.latency.p90} ms, p99 ${fixed.latency.p99} ms, errors ${fixed.errors}, timeouts ${fixed.timeouts}, non-2xx ${fixed.non2xx} (${statusCounts(fixed)})`);
  summary.push({ db: dbName, what: 'email score @ 500 req/s, 30 s, 20 conns', figures: {
    'req/s': fmt(fixed.requests.average, 0), p50: `${fixed.latency.p50} ms`, p90: `${fixed.latency.p90} ms`, p99: `${fixed.latency.p99} ms`,
    errors: String(fixed.errors + fixed.timeouts), 'non-2xx': String(fixed.non2xx),
  } });

  const open = await autocannon({ url: BASE, headers, connections: 50, duration: 15, requests });
  console.log(`  email max: ${fmt(open.requests.average, 0)} req/s (median second ${open.requests.p50}), p50 ${open.latency.p50} ms, p99 ${open.latency.p99} ms, errors ${open.errors}, non-2xx ${open.non2xx}`);
  summary.push({ db: dbName, what: 'email score, max throughput, 15 s, 50 conns', figures: {
    'req/s': `${fmt(open.requests.average, 0)} (median 1-s ${open.requests.p50})`, p50: `${open.latency.p50} ms`, p90: `${open.latency.p90} ms`, p99: `${open.latency.p99} ms`,
    errors: String(open.errors + open.timeouts), 'non-2xx': String(open.non2xx),
  } });
}

/** Where a run posts and how its body names the records: Sparkov transactions, or the same rows as card_transaction events. */
interface IngestTarget { path: string; key: 'transactions' | 'events'; label: string }
const TARGETS: IngestTarget[] = [
  { path: '/api/transactions', key: 'transactions', label: 'ingest /api/transactions' },
  // The preset's per-card aggregates are kept in EntityState rows updated in the batch's transaction.
  { path: '/api/events/card_transaction', key: 'events', label: 'ingest /api/events/card_transaction' },
];

/** Pre-stringified batches of fresh Sparkov rows in time order, the newest a few seconds old. */
function ingestBatches(count: number, runId: string, key: IngestTarget['key']): string[] {
  const days = 30;
  const rowsWanted = count * BATCH;
  // generateTransactions makes ~1.9 rows per card per day.
  const cards = Math.ceil(rowsWanted / (1.8 * days));
  const rows = generateTransactions({ cards, days, seed: 9001, start: Date.now() - days * 86_400_000 - 60_000 });
  const now = Date.now() / 1000;
  const usable = rows.filter((r) => r.unix_time < now);
  const batches: string[] = [];
  for (let b = 0; b * BATCH + BATCH <= usable.length && batches.length < count; b++) {
    const slice = usable.slice(b * BATCH, b * BATCH + BATCH).map((r, k) => ({ ...r, trans_num: `${runId}-${b}-${k}` }));
    batches.push(JSON.stringify({ [key]: slice }));
  }
  return batches;
}

async function ingestRun(token: string, dbName: string, target: IngestTarget) {
  const runId = `bench${Date.now().toString(36)}`;
  // Enough for 12,000 tx/s over the whole run; the run stops early (and says so) if they run out.
  const wanted = Math.ceil((DURATION * 12_000) / BATCH) + 10;
  const t0 = Date.now();
  const batches = ingestBatches(wanted, runId, target.key);
  console.log(`  generated ${batches.length} batches of ${BATCH} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  let next = 0;
  let stored = 0;
  let flagged = 0;
  let duplicates = 0;
  let exhausted = false;
  const failures: string[] = [];
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const run = await autocannon({
    url: BASE, headers, connections: INGEST_CONNECTIONS, duration: DURATION, timeout: 60,
    requests: [{
      method: 'POST', path: target.path,
      setupRequest: (req) => {
        if (next >= batches.length) { exhausted = true; next = 0; }
        // A recycled batch would be all duplicates; keep sending fresh ones only.
        return { ...req, body: batches[next++] };
      },
      onResponse: (status, body) => {
        if (status === 201) {
          const s = JSON.parse(body) as { stored: number; flagged: number; duplicates: string[] };
          stored += s.stored; flagged += s.flagged; duplicates += s.duplicates.length;
        } else if (failures.length < 5) failures.push(`${status} ${body.slice(0, 300)}`);
      },
    }],
  });
  const seconds = run.duration;
  const perSecond = stored / seconds;
  console.log(`  ${target.label}: ${run.requests.total} batches, ${stored} stored (${flagged} flagged, ${duplicates} duplicates) in ${fmt(seconds)} s = ${fmt(perSecond, 0)} tx/s; per batch p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms; errors ${run.errors}, timeouts ${run.timeouts}, non-2xx ${run.non2xx} (${statusCounts(run)})`);
  if (exhausted) console.log('  WARNING: pre-generated batches ran out; later ones were resent (duplicates).');
  for (const f of failures) console.log(`  failure: ${f}`);
  summary.push({ db: dbName, what: `${target.label}, batches of ${BATCH}, ${DURATION} s, ${INGEST_CONNECTIONS} conns`, figures: {
    'tx/s stored': fmt(perSecond, 0), 'batches/s': fmt(run.requests.total / seconds, 2), p50: `${run.latency.p50} ms`, p99: `${run.latency.p99} ms`,
    errors: String(run.errors + run.timeouts), 'non-2xx': String(run.non2xx),
  } });
}

async function benchOne(kind: 'sqlite' | 'postgres') {
  console.log(`\n== ${kind} ==`);
  const db = await freshDatabase(kind, 'serve');
  // Outside the data dir, so it survives the drop: the place to read a 500's cause.
  const logFile = path.join(os.tmpdir(), `${path.basename(db.dataDir)}-server.log`);
  const env: NodeJS.ProcessEnv = {
    ...process.env, PORT: String(PORT), VIGIL_DATA_DIR: db.dataDir, DATABASE_URL: db.url, LOG_LEVEL: 'warn',
    NEXTAUTH_URL: `http://127.0.0.1:${PORT}`, NEXTAUTH_SECRET: undefined, VIGIL_ADMIN_EMAIL: undefined, VIGIL_ADMIN_PASSWORD: undefined, VIGIL_DEMO: '1',
  };
  console.log(`  database ${db.kind === 'sqlite' ? db.url : db.name}; server log ${logFile}`);
  const t0 = Date.now();
  const server = startServer([process.execPath, '--import', 'tsx', 'scripts/start.ts'], env, { lock: LOCK, logFile });
  // Ctrl-C / SIGTERM: stop the server we started and drop its database before exiting.
  const onSignal = () => { void stopServer(server).then(() => db.drop()).finally(() => process.exit(130)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await waitFor(`${BASE}/api/health`, 10 * 60_000, server);
    console.log(`  healthy after ${((Date.now() - t0) / 1000).toFixed(1)} s (build check, migrate, demo seed, next start)`);
    const token = mintToken(db.url, 'analyst', env);
    await emailRuns(token, kind);
    for (const target of TARGETS) await ingestRun(token, kind, target);
  } catch (err) {
    console.error(`  ${kind} failed: ${(err as Error).message}\n  last server log lines:\n${fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : ''}`);
    process.exitCode = 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stopServer(server);
    await db.drop();
  }
}

async function main() {
  ensureBuild();
  console.log(`serve benchmark — ${new Date().toISOString()} — ${cpuInfo()}`);
  for (const kind of dbArg === 'both' ? (['postgres', 'sqlite'] as const) : [dbArg as 'sqlite' | 'postgres']) await benchOne(kind);

  const keys = [...new Set(summary.flatMap((s) => Object.keys(s.figures)))];
  console.log('\nSummary (latencies are autocannon percentiles over the run)\n');
  console.log(table(['db', 'run', ...keys], summary.map((s) => [s.db, s.what, ...keys.map((k) => s.figures[k] ?? '')])));
  console.log(`\nCommand: npx tsx bench/serve.ts ${argv.join(' ')}`.trimEnd());
  console.log(`Server:  PORT=${PORT} VIGIL_DATA_DIR=<tmp> DATABASE_URL=<fresh ${dbArg}> LOG_LEVEL=warn node --import tsx scripts/start.ts${LOCK ? `  (under flock /tmp/vigil-e2e.lock)` : ''}`);
  console.log(`Machine: ${cpuInfo()}`);
}

main().catch((err) => { console.error(err); process.exit(1); });
