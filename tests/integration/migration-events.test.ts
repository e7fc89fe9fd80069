// Upgrades a populated database of the previous schema (stored items in Transaction) and checks that every
// item, link, alert, model slot and monitor setting survives the move to events. Raw SQL on purpose: the
// services no longer know the old tables.
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate, migrationStatus, migrationsDir, readMigrations } from '@/lib/server/platform/migrations';
import { freshDatabase } from './fresh-database';

const provider = inject('provider') as 'sqlite' | 'postgres';
const TARGET = '20261203075659_events_hold_every_item';
const CARDS = 20_000;
const EMAILS = 2_000;
const CLASH = 42; // trans_42 is also an existing card_transaction event
type Row = Record<string, unknown>;

interface Conn { q(sql: string, params?: unknown[]): Promise<Row[]>; close(): Promise<void> }

async function connect(url: string): Promise<Conn> {
  if (provider === 'postgres') {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const numbered = (sql: string) => { let n = 0; return sql.replace(/\?/g, () => `$${++n}`); };
    return { q: async (sql, params = []) => (await c.query(numbered(sql), params)).rows, close: () => c.end() };
  }
  const s = new Database(url.replace(/^file:/, ''));
  return {
    q: async (sql, params = []) => { const st = s.prepare(sql); return st.reader ? (st.all(...params) as Row[]) : (st.run(...params), []); },
    close: async () => void s.close(),
  };
}

async function insert(c: Conn, table: string, rows: Row[]) {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = chunk.map(() => `(${cols.map(() => '?').join(', ')})`).join(', ');
    await c.q(`INSERT INTO "${table}" (${cols.map((k) => `"${k}"`).join(', ')}) VALUES ${values}`, chunk.flatMap((r) => cols.map((k) => r[k] ?? null)));
  }
}

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1) + minutes * 60_000).toISOString();
const json = (v: unknown) => JSON.stringify(v);
/** Comparable text for a value as either driver returns it. */
const text = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? 'null' : typeof v === 'object' ? json(v) : String(v));

function version(id: string, modelId: string, v: number, kind: string, slot: string, stage: string, extra: Row = {}): Row {
  return {
    id, modelId, version: v, kind, servingSlot: slot, algorithm: 'gbdt', stage, params: '{}', featureSpec: '{}', artifact: Buffer.from([1, 2, 3]),
    metrics: '{}', threshold: 0.5, reviewThreshold: 0.7, blockThreshold: 0.9, createdAt: at(0), ...extra,
  };
}

function card(i: number): Row {
  const score = i % 2 === 0 ? (i % 997) / 997 : null;
  const decision = score === null ? null : score > 0.9 ? 'block' : score > 0.7 ? 'review' : 'allow';
  const label = i % 10 === 0 ? 'fraud' : i % 10 === 1 ? 'legit' : null;
  const merchant = i % 97 === 0 ? null : i % 101 === 0 ? '' : `merchant_${i % 300}`;
  return {
    id: `tx_${String(i).padStart(6, '0')}`, externalId: `trans_${i}`, occurredAt: at(i), cardId: `card_${i % 800}`, customerId: `Customer ${i % 800}`,
    amount: i % 53 === 0 ? null : Math.round(((i * 37) % 100_000) + 1) / 100, merchant, category: `cat_${i % 12}`,
    payload: json({ trans_num: `trans_${i}`, cc_num: `card_${i % 800}`, amt: i / 100, merchant }),
    features: i % 3 === 0 ? json({ amt_z: (i % 17) / 3, velocity_1h: i % 5 }) : null, score, decision, modelVersionId: score === null ? null : 'mv_card_prod',
    reasons: decision === 'block' || decision === 'review' ? json([{ feature: 'amt', contribution: 0.4 }]) : null,
    shadowScore: i % 5 === 0 ? (i % 991) / 991 : null, shadowModelVersionId: i % 5 === 0 ? 'mv_card_shadow' : null,
    label, labelledById: label ? `user_${i % 3}` : null, labelledAt: label ? at(i + 90) : null, version: label ? 1 + (i % 3) : 0, createdAt: at(i + 1),
  };
}

function emailCheck(i: number): Row {
  const email = `person${i % 700}@example.com`;
  const label = i % 8 === 0 ? 'fraud' : i % 8 === 1 ? 'legit' : null;
  const score = (i % 89) / 89;
  return {
    id: `em_${String(i).padStart(6, '0')}`, externalId: `email:${crypto.createHash('md5').update(String(i)).digest('hex')}`, occurredAt: at(i * 7), email,
    payload: json({ email, source: 'tester', by: 'analyst' }), features: i % 4 === 0 ? json({ digits: i % 9 }) : null, score, modelVersionId: 'mv_email_prod',
    decision: score > 0.8 ? 'block' : 'allow', reasons: score > 0.8 ? json([{ feature: 'domain', contribution: 0.7 }]) : null,
    label, labelledById: label ? 'user_1' : null, labelledAt: label ? at(i * 7 + 30) : null, version: label ? 1 : 0, createdAt: at(i * 7),
  };
}

describe(`migration ${TARGET} on ${provider}, over a populated database`, () => {
  let url = '';
  let dropDb = async () => {};
  let c: Conn;
  const before: string[] = readMigrations(migrationsDir(provider)).map((f) => f.name).filter((n) => n < TARGET);
  const alerts = new Map<string, string | null>();
  let txBefore: Row[] = [];

  beforeAll(async () => {
    ({ url, drop: dropDb } = await freshDatabase(provider, 'vigil_migr'));
    expect((await migrate(url, undefined, { before: TARGET })).applied).toEqual(before);
    c = await connect(url);

    const started = Date.now();
    await insert(c, 'Model', [
      { id: 'm_card', name: 'card-model', kind: 'transaction', createdAt: at(0) },
      { id: 'm_email', name: 'email-model', kind: 'email', createdAt: at(0) },
      { id: 'm_event', name: 'card-events', kind: 'event', createdAt: at(0) },
    ]);
    await insert(c, 'ModelVersion', [
      version('mv_card_prod', 'm_card', 1, 'transaction', 'transaction', 'production'),
      version('mv_card_shadow', 'm_card', 2, 'transaction', 'transaction', 'shadow'),
      version('mv_card_cand', 'm_card', 3, 'transaction', 'transaction', 'candidate'),
      version('mv_email_prod', 'm_email', 1, 'email', 'email', 'production'),
      version('mv_event_shadow', 'm_event', 1, 'event', 'event:card_transaction', 'shadow', { eventType: 'card_transaction', eventTypeVersion: 1 }),
    ]);
    await insert(c, 'Transaction', Array.from({ length: CARDS }, (_, i) => card(i)));
    await insert(c, 'Transaction', Array.from({ length: EMAILS }, (_, i) => emailCheck(i)));
    await insert(c, 'Event', [{
      id: 'ev_existing', eventType: 'card_transaction', typeVersion: 1, externalId: `trans_${CLASH}`, occurredAt: at(5), payload: json({ via: 'events' }), version: 0, createdAt: at(5),
    }]);
    for (let i = 0; i < CARDS; i += 67) alerts.set(`al_tx_${i}`, card(i).id as string);
    for (let i = 0; i < EMAILS; i += 41) alerts.set(`al_em_${i}`, emailCheck(i).id as string);
    for (let i = 0; i < 50; i++) alerts.set(`al_none_${i}`, null);
    await insert(c, 'Alert', [...alerts].map(([id, tx]) => ({
      id, type: tx ? 'high_risk' : 'drift', severity: 'warning', title: `alert ${id}`, payload: json({ id }), transactionId: tx, createdAt: at(1),
    })));
    await insert(c, 'MonitorSetting', [
      { kind: 'transaction', psiWarn: 0.12, psiAlert: 0.3, expectedFraudRate: 0.01, updatedAt: at(2) },
      { kind: 'email', psiWarn: 0.2, psiAlert: 0.4, updatedAt: at(2) },
      { kind: 'tabular:churn', psiWarn: 0.1, psiAlert: 0.25, updatedAt: at(2) },
    ]);
    txBefore = await c.q('SELECT * FROM "Transaction"');
    console.log(`${provider}: previous schema seeded with ${txBefore.length} items in ${Date.now() - started} ms`);
  });

  afterAll(async () => {
    await c?.close();
    await dropDb();
  });

  it('applies the migration over the populated database', async () => {
    expect(txBefore.length).toBe(CARDS + EMAILS);
    expect(txBefore.find((t) => t.id === card(7).id)?.amount).toBe(card(7).amount);
    const started = Date.now();
    expect((await migrate(url)).applied).toEqual([TARGET]);
    console.log(`${provider}: ${TARGET} took ${Date.now() - started} ms`);
    const all = readMigrations(migrationsDir(provider)).map((f) => f.name);
    expect(await migrationStatus(url)).toEqual({ applied: all, pending: [], modified: [], failed: [] });
    const gone = provider === 'postgres'
      ? await c.q(`SELECT to_regclass('public."Transaction"') AS t`)
      : await c.q(`SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name = 'Transaction'`);
    expect(provider === 'postgres' ? gone[0].t : gone.length).toBeFalsy();
  });

  it('turns every item into an event with the same id and values', async () => {
    const events = new Map((await c.q('SELECT * FROM "Event"')).map((e) => [e.id as string, e]));
    expect(events.size).toBe(CARDS + EMAILS + 1);
    const counts = await c.q('SELECT "eventType", COUNT(*) AS n FROM "Event" GROUP BY "eventType"');
    expect(Object.fromEntries(counts.map((r) => [r.eventType, Number(r.n)]))).toEqual({ card_transaction: CARDS + 1, email: EMAILS });
    const copied = ['occurredAt', 'amount', 'payload', 'features', 'score', 'modelVersionId', 'decision', 'reasons', 'shadowScore', 'shadowModelVersionId', 'label', 'labelledById', 'labelledAt', 'version', 'createdAt'];
    const wrong: unknown[] = [];
    for (const t of txBefore) {
      const e = events.get(t.id as string);
      const expected = {
        eventType: t.cardId === null ? 'email' : 'card_transaction', typeVersion: 1,
        externalId: t.externalId === `trans_${CLASH}` ? `legacy:trans_${CLASH}` : t.externalId, ...Object.fromEntries(copied.map((k) => [k, t[k]])),
      };
      const actual = e && Object.fromEntries(Object.keys(expected).map((k) => [k, e[k]]));
      if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push({ id: t.id, expected, actual });
    }
    expect(wrong.slice(0, 3)).toEqual([]);
    // A sample against the seeded values, not only against the pre-migration read.
    const e = events.get(card(30).id as string)!;
    expect([e.label, e.labelledById, e.version, e.decision, Number(e.shadowScore)]).toEqual(['fraud', 'user_0', 1, 'allow', 30 / 991]);
    expect(text(e.features)).toBe(text(provider === 'postgres' ? JSON.parse(card(30).features as string) : card(30).features));
    expect(events.get('ev_existing')).toMatchObject({ externalId: `trans_${CLASH}`, eventType: 'card_transaction' });
  });

  it('links cards and merchants, or the address, as entities', async () => {
    const links = await c.q('SELECT "eventId", "eventType", "entity", "key", "occurredAt" FROM "EventEntity"');
    const expected: string[] = [];
    for (const t of txBefore) {
      const line = (type: string, entity: string, key: unknown) => [t.id, type, entity, key, t.occurredAt].map(text).join('|');
      if (t.cardId !== null) expected.push(line('card_transaction', 'card', t.cardId));
      if (t.cardId !== null && t.merchant) expected.push(line('card_transaction', 'merchant', t.merchant));
      if (t.cardId === null) expected.push(line('email', 'email', t.email));
    }
    const noMerchant = Array.from({ length: CARDS }, (_, i) => card(i)).filter((r) => !r.merchant).length;
    expect(noMerchant).toBeGreaterThan(200);
    expect(links.length).toBe(CARDS + (CARDS - noMerchant) + EMAILS);
    expect(links.map((l) => [l.eventId, l.eventType, l.entity, l.key, l.occurredAt].map(text).join('|')).sort()).toEqual(expected.sort());
  });

  it('keeps alerts, now pointing at the events', async () => {
    const rows = await c.q('SELECT * FROM "Alert"');
    expect(rows.length).toBe(alerts.size);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.eventId]))).toEqual(Object.fromEntries(alerts));
    expect(rows.every((r) => !('transactionId' in r))).toBe(true);
    // The new foreign key holds: removing an event clears its alert.
    await c.q('DELETE FROM "Event" WHERE "id" = ?', [alerts.get('al_tx_67')]);
    expect((await c.q('SELECT "eventId" FROM "Alert" WHERE "id" = ?', ['al_tx_67']))[0].eventId).toBeNull();
  });

  it('moves model versions into the event slots, stepping back where the slot is taken', async () => {
    const rows = await c.q('SELECT "id", "kind", "servingSlot", "stage", "eventType", "eventTypeVersion" FROM "ModelVersion"');
    expect(rows.sort((a, b) => String(a.id).localeCompare(String(b.id)))).toEqual([
      { id: 'mv_card_cand', kind: 'transaction', servingSlot: 'event:card_transaction', stage: 'candidate', eventType: 'card_transaction', eventTypeVersion: 1 },
      { id: 'mv_card_prod', kind: 'transaction', servingSlot: 'event:card_transaction', stage: 'production', eventType: 'card_transaction', eventTypeVersion: 1 },
      { id: 'mv_card_shadow', kind: 'transaction', servingSlot: 'event:card_transaction', stage: 'candidate', eventType: 'card_transaction', eventTypeVersion: 1 },
      { id: 'mv_email_prod', kind: 'email', servingSlot: 'event:email', stage: 'production', eventType: 'email', eventTypeVersion: 1 },
      { id: 'mv_event_shadow', kind: 'event', servingSlot: 'event:card_transaction', stage: 'shadow', eventType: 'card_transaction', eventTypeVersion: 1 },
    ]);
  });

  it('renames the monitor settings to the slots', async () => {
    const rows = await c.q('SELECT "kind", "psiWarn", "expectedFraudRate" FROM "MonitorSetting"');
    expect(rows.sort((a, b) => String(a.kind).localeCompare(String(b.kind)))).toEqual([
      { kind: 'event:card_transaction', psiWarn: 0.12, expectedFraudRate: 0.01 },
      { kind: 'event:email', psiWarn: 0.2, expectedFraudRate: null },
      { kind: 'tabular:churn', psiWarn: 0.1, expectedFraudRate: null },
    ]);
  });
});
