// Event types end to end over the route handlers, with a type no other test knows: marketplace orders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as datasetImport from '@/app/api/datasets/import/route';
import * as eventTypeOne from '@/app/api/event-types/[name]/route';
import * as infer from '@/app/api/event-types/infer/route';
import * as eventTypes from '@/app/api/event-types/route';
import * as eventLabel from '@/app/api/events/[ref]/label/route';
import * as eventsByRef from '@/app/api/events/[ref]/route';
import * as eventsExport from '@/app/api/events/export/route';
import * as eventsList from '@/app/api/events/route';
import * as snapshotLabels from '@/app/api/datasets/snapshot-labels/route';
import * as rollback from '@/app/api/models/rollback/route';
import * as backtest from '@/app/api/models/versions/[id]/backtest/route';
import * as promote from '@/app/api/models/versions/[id]/promote/route';
import * as stage from '@/app/api/models/versions/[id]/stage/route';
import * as performance from '@/app/api/monitoring/performance/route';
import * as shadow from '@/app/api/monitoring/shadow/route';
import * as reviewQueue from '@/app/api/review/queue/route';
import * as scoreByType from '@/app/api/score/[type]/route';
import * as trainJobs from '@/app/api/training/jobs/route';
import { aggregateName, replayAggregates } from '@/lib/ml/events/aggregates';
import type { EventTypeDefinition } from '@/lib/ml/events/definition';
import { viewOf } from '@/lib/ml/table';
import { db } from '@/lib/server/platform/db';
import { fromExactJson } from '@/lib/server/events/state';
import { JOB_HANDLERS } from '@/scripts/job-handlers';
import { getJob } from '@/lib/server/platform/jobs';
import { resetScoringCache } from '@/lib/server/decisions/scoring';
import { createWorker } from '@/lib/server/platform/worker';
import { params, request, tokenFor, unique } from './helpers';

const typeName = `mkt_${unique('o').slice(2).replace(/-/g, '_')}`;

/** marketplace_order: buyer and email entities, an amount, a category; a fraud signal lives in the aggregates. */
function orderDefinition(name = typeName) {
  return {
    name,
    label: 'Marketplace order',
    idField: 'order_id',
    timeField: 'placed_at',
    amountField: 'order_price',
    fields: [
      { name: 'order_id', type: 'id' },
      { name: 'placed_at', type: 'timestamp' },
      { name: 'buyer_id', type: 'id', entity: 'buyer' },
      { name: 'buyer_email', type: 'email', entity: 'email', sensitive: true },
      { name: 'ip', type: 'ip' },
      { name: 'card_bin', type: 'category' },
      { name: 'order_price', type: 'number' },
      { name: 'product_category', type: 'category' },
    ],
    aggregates: [
      { entity: 'buyer', fn: 'count', window: '1h' },
      { entity: 'buyer', fn: 'sum', field: 'order_price', window: '24h' },
      { entity: 'buyer', fn: 'since_last' },
      { entity: 'email', fn: 'distinct', field: 'card_bin', window: '7d' },
    ],
  };
}

const post = (token: string, body: unknown) => eventTypes.POST(request('POST', '/api/event-types', { token, body: body as object }), params({}));

describe('event types API', () => {
  it('defines, reads and edits a type; every role reads, only engineers and admins write', async () => {
    const [engineer, analyst, viewer] = await Promise.all([tokenFor('engineer'), tokenFor('analyst'), tokenFor('viewer')]);
    const name = `${typeName}_crud`;
    expect((await post(analyst, orderDefinition(name))).status).toBe(403);
    const created = await post(engineer, orderDefinition(name));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name, currentVersion: 1, builtIn: false, versions: [{ version: 1 }] });

    const list = await eventTypes.GET(request('GET', '/api/event-types', { token: viewer }), params({}));
    expect(list.status).toBe(200);
    const items = (await list.json()).items as { name: string; builtIn: boolean }[];
    expect(items.map((t) => t.name)).toContain(name);
    // The presets for the seeds' shapes are there without anyone defining them.
    expect(items.filter((t) => t.builtIn).map((t) => t.name).sort()).toEqual(['card_transaction', 'credit_record', 'email', 'registration', 'user_activity']);

    const edited = { ...orderDefinition(name), aggregates: [...orderDefinition(name).aggregates, { entity: 'buyer', fn: 'max', field: 'order_price', window: '7d' }] };
    const put = await eventTypeOne.PUT(request('PUT', `/api/event-types/${name}`, { token: engineer, body: edited }), params({ name }));
    expect(put.status).toBe(200);
    const detail = await put.json();
    expect(detail.currentVersion).toBe(2);
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // The same definition again is not a new version.
    const again = await eventTypeOne.PUT(request('PUT', `/api/event-types/${name}`, { token: engineer, body: edited }), params({ name }));
    expect((await again.json()).currentVersion).toBe(2);
    const got = await eventTypeOne.GET(request('GET', `/api/event-types/${name}`, { token: viewer }), params({ name }));
    expect((await got.json()).definition.aggregates).toHaveLength(5);
  });

  it('refuses bad definitions with 400 naming the field, a name clash with 409, an unknown type with 404', async () => {
    const engineer = await tokenFor('engineer');
    const base = orderDefinition(`${typeName}_bad`);
    const dupField = { ...base, fields: [...base.fields, { name: 'ip', type: 'ip' }] };
    const r1 = await post(engineer, dupField);
    expect(r1.status).toBe(400);
    expect(Object.keys((await r1.json()).error.fields)).toContain('fields.8.name');

    const nonNumeric = { ...base, aggregates: [{ entity: 'buyer', fn: 'sum', field: 'product_category', window: '24h' }] };
    const r2 = await post(engineer, nonNumeric);
    expect(r2.status).toBe(400);
    expect((await r2.json()).error.fields['aggregates.0.field'][0]).toMatch(/number field/);

    const noId = { ...base, idField: 'nope' };
    const r3 = await post(engineer, noId);
    expect(r3.status).toBe(400);
    expect((await r3.json()).error.fields).toHaveProperty('idField');

    expect((await post(engineer, base)).status).toBe(201);
    const clash = await post(engineer, base);
    expect(clash.status).toBe(409);
    expect((await clash.json()).error.fields).toHaveProperty('name');

    expect((await post(engineer, { ...base, name: 'registration' })).status).toBe(409);
    const missing = await eventTypeOne.GET(request('GET', '/api/event-types/no_such_type', { token: engineer }), params({ name: 'no_such_type' }));
    expect(missing.status).toBe(404);
    const rename = await eventTypeOne.PUT(request('PUT', `/api/event-types/${base.name}`, { token: engineer, body: { ...base, name: 'other_name' } }), params({ name: base.name }));
    expect(rename.status).toBe(400);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Generated marketplace orders: legit buyers order now and then on one card BIN; fraud comes in bursts of
// orders within minutes on many BINs, so the signal lives in the aggregates (buyer.count_1h, email.distinct_card_bin_7d).

type Order = Record<string, string>;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const CATEGORIES = ['books', 'electronics', 'garden', 'toys', 'fashion'];

function generateOrders(opts: { buyers: number; bursts: number; startMs: number; days: number; seed: number; prefix: string }): Order[] {
  const r = rng(opts.seed);
  const out: Order[] = [];
  const span = opts.days * 86_400_000;
  const order = (buyer: string, n: number, t: number, bin: string, price: number, fraud: boolean) => ({
    order_id: `${opts.prefix}-${out.length}`, placed_at: String(Math.round(t)), buyer_id: buyer, buyer_email: `${buyer}@shop.example`,
    ip: `10.${n % 250}.${Math.floor(r() * 250)}.${1 + Math.floor(r() * 250)}`, card_bin: bin, order_price: price.toFixed(2),
    product_category: CATEGORIES[Math.floor(r() * CATEGORIES.length)], coupon_code: r() < 0.2 ? 'SPRING' : '', is_fraud: fraud ? '1' : '0',
  });
  for (let b = 0; b < opts.buyers; b++) {
    const buyer = `${opts.prefix}-b${b}`;
    const bin = String(400000 + Math.floor(r() * 5000));
    const k = 1 + Math.floor(r() * 5);
    for (let i = 0; i < k; i++) out.push(order(buyer, b, opts.startMs + r() * span, bin, 10 + r() * 110, false));
  }
  for (let f = 0; f < opts.bursts; f++) {
    const buyer = `${opts.prefix}-f${f}`;
    const t0 = opts.startMs + r() * span;
    const k = 5 + Math.floor(r() * 4);
    for (let i = 0; i < k; i++) out.push(order(buyer, f, t0 + i * (60_000 + r() * 180_000), String(500000 + Math.floor(r() * 90000)), 150 + r() * 750, true));
  }
  return out;
}

function toCsv(rows: Order[]): string {
  const cols = Object.keys(rows[0]);
  return [cols.join(','), ...rows.map((o) => cols.map((c) => o[c]).join(','))].join('\n') + '\n';
}

const worker = createWorker({ handlers: JOB_HANDLERS, leaseMs: 10_000, pollMs: 50 });
beforeAll(() => { void worker.start(); });
afterAll(() => worker.stop());

async function waitForJob(id: string) {
  const until = Date.now() + 180_000;
  for (;;) {
    const j = await getJob(id);
    if (j?.status === 'succeeded') return j.result as { modelVersionId: string };
    if (j?.status === 'failed' || Date.now() > until) throw new Error(`training ended ${j?.status}: ${j?.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ingest = (token: string, type: string, events: unknown[]) => eventsByRef.POST(request('POST', `/api/events/${type}`, { token, body: { events } }), params({ ref: type }));
const body = async (r: Response) => ({ status: r.status, json: await r.json() });

describe('an event type of our own, end to end over HTTP', () => {
  it('defines, infers, imports, trains, promotes, ingests, queues, labels, exports, scores, and keeps serving after an edit', { timeout: 240_000 }, async () => {
    const [engineer, analyst, viewer] = await Promise.all([tokenFor('engineer'), tokenFor('analyst'), tokenFor('viewer')]);
    const type = `${typeName}_e2e`;
    const now = Date.now();
    const rows = generateOrders({ buyers: 900, bursts: 70, startMs: now - 40 * 86_400_000, days: 30, seed: 11, prefix: unique('ord') });
    expect(rows.length).toBeGreaterThan(2500);
    const csv = toCsv(rows);

    // Infer: a suggestion from the head of the CSV, nothing stored.
    const inferred = await body(await infer.POST(request('POST', '/api/event-types/infer', { token: engineer, body: { csv: csv.slice(0, 20_000), name: type } }), params({})));
    expect(inferred.status).toBe(200);
    expect(inferred.json.definition).toMatchObject({ name: type, idField: 'order_id', timeField: 'placed_at' });
    expect(await db().eventType.count({ where: { name: type } })).toBe(0);

    // Define (our own definition: the sensitive email, the aggregates that carry the signal).
    expect((await post(engineer, orderDefinition(type))).status).toBe(201);

    // Import: a dataset version of this type version; the extra column is listed once as ignored.
    const imported = await body(await datasetImport.POST(request('POST', `/api/datasets/import?name=${type}-history&eventType=${type}&label=is_fraud`, { token: engineer, body: csv, headers: { 'content-type': 'text/csv' } }), params({})));
    expect(imported.status).toBe(201);
    expect(imported.json).toMatchObject({ eventType: type, eventTypeVersion: 1, rowCount: rows.length, idColumn: 'order_id', timeColumn: 'placed_at', ignored: ['coupon_code'] });

    // Train through the jobs API and the worker; the version records the type version and its slot.
    const job = await body(await trainJobs.POST(request('POST', '/api/training/jobs', { token: engineer, body: { datasetVersionId: imported.json.id, modelName: `${type}-gbdt`, algorithm: 'gbdt', params: { rounds: 60, depth: 4 } } }), params({})));
    expect(job.status).toBe(202);
    const { modelVersionId } = await waitForJob(job.json.id);
    const mv = await db().modelVersion.findUniqueOrThrow({ where: { id: modelVersionId }, select: { kind: true, eventType: true, eventTypeVersion: true, servingSlot: true, metrics: true } });
    expect(mv).toMatchObject({ kind: 'event', eventType: type, eventTypeVersion: 1, servingSlot: `event:${type}` });
    expect((mv.metrics as { rocAuc: number }).rocAuc).toBeGreaterThan(0.9);

    // Before promotion there is nothing to score with.
    const early = await scoreByType.POST(request('POST', `/api/score/${type}`, { token: viewer, body: { event: rows[0] } }), params({ type }));
    expect(early.status).toBe(409);
    const promoted = await promote.POST(request('POST', `/api/models/versions/${modelVersionId}/promote`, { token: engineer, body: { note: 'first model of the type' } }), params({ id: modelVersionId }));
    expect(promoted.status).toBe(200);
    resetScoringCache();

    // Ingest: a quiet buyer and a burst on many BINs; an unknown field is kept and listed as ignored.
    const t0 = now - 86_400_000;
    const live = unique('live');
    const quiet = [0, 1].map((i) => ({ order_id: `${live}-q${i}`, placed_at: t0 + i * 3 * 86_400_000 / 10, buyer_id: `${live}-quiet`, buyer_email: 'quiet.buyer@shop.example', ip: '10.1.2.3', card_bin: '401234', order_price: 35.5, product_category: 'books', utm_source: 'newsletter' }));
    const burst = Array.from({ length: 7 }, (_, i) => ({ order_id: `${live}-f${i}`, placed_at: t0 + i * 120_000, buyer_id: `${live}-fraud`, buyer_email: 'burst.buyer@shop.example', ip: '10.9.9.9', card_bin: String(510000 + i * 7919), order_price: 640 + i, product_category: 'electronics', utm_source: 'x' }));
    const sent = await body(await ingest(analyst, type, [...quiet, ...burst]));
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({ received: 9, stored: 9, duplicates: [], ignored: ['utm_source'], modelVersionId, typeVersion: 1 });
    expect(sent.json.flagged).toBeGreaterThan(0);
    const byExt = new Map((sent.json.results as { externalId: string; score: number; decision: string; id: string }[]).map((r) => [r.externalId, r]));
    expect(byExt.get(`${live}-f6`)!.decision).not.toBe('allow');
    expect(byExt.get(`${live}-q0`)!.decision).toBe('allow');
    const stored = await db().event.findUniqueOrThrow({ where: { id: byExt.get(`${live}-f6`)!.id } });
    expect(fromExactJson<Record<string, number>>(stored.features)['buyer.count_1h']).toBe(6);
    expect((stored.payload as Record<string, unknown>).utm_source).toBe('x');

    // Re-sending the batch is a no-op.
    const again = await body(await ingest(analyst, type, [...quiet, ...burst]));
    expect(again.json).toMatchObject({ stored: 0, flagged: 0 });
    expect(again.json.duplicates).toHaveLength(9);
    expect(await db().event.count({ where: { eventType: type } })).toBe(9);

    // The review queue of the type: flagged events, highest risk first, the email masked.
    const queue = await body(await reviewQueue.GET(request('GET', `/api/review/queue?type=${type}`, { token: viewer }), params({})));
    expect(queue.status).toBe(200);
    expect(queue.json.items.length).toBe(sent.json.flagged);
    const top = queue.json.items[0];
    expect(top.externalId).toMatch(new RegExp(`^${live}-f`));
    expect(top.payload.buyer_email).toBe('************mple');
    expect(top.reasons.length).toBeGreaterThan(0);
    // The transaction queue still answers as before.
    const txQueue = await body(await reviewQueue.GET(request('GET', '/api/review/queue', { token: viewer }), params({})));
    expect(txQueue.status).toBe(200);
    expect(txQueue.json).not.toHaveProperty('type');

    // Label with the version seen; the same stale version again is a 409.
    const labelled = await body(await eventLabel.POST(request('POST', `/api/events/${top.id}/label`, { token: analyst, body: { label: 'fraud', version: top.version } }), params({ ref: top.id })));
    expect(labelled.status).toBe(200);
    expect(labelled.json).toMatchObject({ label: 'fraud', version: top.version + 1 });
    const stale = await eventLabel.POST(request('POST', `/api/events/${top.id}/label`, { token: analyst, body: { label: 'legit', version: top.version } }), params({ ref: top.id }));
    expect(stale.status).toBe(409);
    expect((await viewerLabel(viewer, top.id)).status).toBe(403);

    // Labels snapshot: one class only is refused; with both, a dataset version of this type version.
    const snap = (token: string) => snapshotLabels.POST(request('POST', '/api/datasets/snapshot-labels', { token, body: { eventType: type } }), params({}));
    expect((await snap(engineer)).status).toBe(422);
    const quietId = byExt.get(`${live}-q0`)!.id;
    expect((await eventLabel.POST(request('POST', `/api/events/${quietId}/label`, { token: analyst, body: { label: 'legit' } }), params({ ref: quietId }))).status).toBe(200);
    const snapshot = await body(await snap(engineer));
    expect(snapshot.status).toBe(201);
    expect(snapshot.json).toMatchObject({ name: `labels-${type}`, kind: 'event', eventType: type, eventTypeVersion: 1, rowCount: 2, positiveCount: 1, idColumn: 'order_id', timeColumn: 'placed_at' });

    // A backtest of the model on the type's labelled events (the aggregates they were stored with).
    const bt = await body(await backtest.POST(request('POST', `/api/models/versions/${modelVersionId}/backtest`, { token: viewer, body: {} }), params({ id: modelVersionId })));
    expect(bt.status).toBe(200);
    expect(bt.json).toMatchObject({ kind: 'event', n: 2, positives: 1 });
    expect(bt.json.scores.find((s: [number, number]) => s[1] === 1)[0]).toBeGreaterThan(bt.json.scores.find((s: [number, number]) => s[1] === 0)[0]);

    // Labelled performance per day of the type: today has its 9 scored events and 2 labels.
    const perf = await body(await performance.GET(request('GET', `/api/monitoring/performance?eventType=${type}&days=3`, { token: viewer }), params({})));
    expect(perf.status).toBe(200);
    const scoredDays = perf.json.points.filter((p: { scored: number }) => p.scored > 0);
    expect(scoredDays.reduce((a: number, p: { scored: number; labels: number }) => a + p.labels, 0)).toBe(2);

    // Search by entity, and one event with its entity panels (keys of sensitive entities masked).
    const found = await body(await eventsList.GET(request('GET', `/api/events?type=${type}&entity=buyer:${live}-fraud&limit=5`, { token: viewer }), params({})));
    expect(found.json.items).toHaveLength(5);
    expect(found.json.nextCursor).not.toBeNull();
    const next = await body(await eventsList.GET(request('GET', `/api/events?type=${type}&entity=buyer:${live}-fraud&limit=5&cursor=${found.json.nextCursor}`, { token: viewer }), params({})));
    expect(next.json.items).toHaveLength(2);
    const labelledOnly = await body(await eventsList.GET(request('GET', `/api/events?type=${type}&label=fraud`, { token: viewer }), params({})));
    expect(labelledOnly.json.items.map((e: { id: string }) => e.id)).toEqual([top.id]);
    const legitOnly = await body(await eventsList.GET(request('GET', `/api/events?type=${type}&label=legit&decision=allow`, { token: viewer }), params({})));
    expect(legitOnly.json.items.map((e: { id: string }) => e.id)).toEqual([quietId]);
    const one = await body(await eventsByRef.GET(request('GET', `/api/events/${top.id}`, { token: viewer }), params({ ref: top.id })));
    expect(one.status).toBe(200);
    const emailPanel = one.json.entities.find((e: { entity: string }) => e.entity === 'email');
    expect(emailPanel.key).toBe('************mple');
    expect(emailPanel.count).toBe(7);
    expect(one.json.entities.find((e: { entity: string }) => e.entity === 'buyer').events).toHaveLength(7);

    // Export: every event of the type, the sensitive field masked.
    const exported = await eventsExport.GET(request('GET', `/api/events/export?type=${type}`, { token: viewer }), params({}));
    expect(exported.status).toBe(200);
    const text = await exported.text();
    expect(text.trim().split('\n')).toHaveLength(10);
    expect(text.split('\n')[0]).toContain('buyer_email');
    expect(text).not.toContain('burst.buyer@shop.example');
    expect(text).toContain('************mple');

    // Score without storing: the same aggregates, read-only.
    const probe = { ...burst[6], order_id: `${live}-probe`, placed_at: t0 + 8 * 120_000 };
    const scored = await body(await scoreByType.POST(request('POST', `/api/score/${type}`, { token: viewer, body: { event: probe } }), params({ type })));
    expect(scored.status).toBe(200);
    expect(scored.json).toMatchObject({ modelVersionId, typeVersion: 1, externalId: `${live}-probe` });
    expect(scored.json.score).toBeGreaterThanOrEqual(0);
    expect(scored.json.score).toBeLessThanOrEqual(99);
    expect(scored.json.aggregates['buyer.count_1h']).toBe(7);
    expect(scored.json.reasons.length).toBeGreaterThan(0);
    const batch = await body(await scoreByType.POST(request('POST', `/api/score/${type}`, { token: viewer, body: { events: [probe, { ...probe, order_id: '' }] } }), params({ type })));
    expect(batch.json.results[0]).toMatchObject({ index: 0, externalId: `${live}-probe` });
    expect(batch.json.results[1].error.fields).toHaveProperty('order_id');
    expect(await db().event.count({ where: { eventType: type } })).toBe(9);

    // Edit the type (a new version): the promoted model keeps serving with the definition it was trained on.
    const v2 = { ...orderDefinition(type), aggregates: [...orderDefinition(type).aggregates, { entity: 'buyer', fn: 'max', field: 'order_price', window: '7d' }] };
    const put = await body(await eventTypeOne.PUT(request('PUT', `/api/event-types/${type}`, { token: engineer, body: v2 }), params({ name: type })));
    expect(put.json.currentVersion).toBe(2);
    const after = await body(await scoreByType.POST(request('POST', `/api/score/${type}`, { token: viewer, body: { event: probe } }), params({ type })));
    expect(after.json).toMatchObject({ modelVersionId, typeVersion: 1, probability: scored.json.probability });
    const later = await body(await ingest(analyst, type, [{ ...probe, order_id: `${live}-after-edit` }]));
    expect(later.json).toMatchObject({ stored: 1, modelVersionId, typeVersion: 2 });
    const afterEdit = await db().event.findFirstOrThrow({ where: { eventType: type, externalId: `${live}-after-edit` } });
    expect(afterEdit.typeVersion).toBe(2);
    expect(afterEdit.score).toBeCloseTo(scored.json.probability, 12);
    expect(fromExactJson(afterEdit.features)).toHaveProperty(['buyer.max_order_price_7d']);

    // One production version per event type: a second model replaces the first, and a rollback puts it back.
    const job2 = await body(await trainJobs.POST(request('POST', '/api/training/jobs', { token: engineer, body: { datasetVersionId: imported.json.id, modelName: `${type}-gbdt`, algorithm: 'gbdt', params: { rounds: 20, depth: 3 } } }), params({})));
    const second = (await waitForJob(job2.json.id)).modelVersionId;
    // As the shadow first: ingestion scores with both, and champion/challenger compares them on the same events.
    expect((await stage.POST(request('POST', `/api/models/versions/${second}/stage`, { token: engineer, body: { stage: 'shadow', note: 'challenger' } }), params({ id: second }))).status).toBe(200);
    resetScoringCache();
    const both = await body(await ingest(analyst, type, [{ ...probe, order_id: `${live}-shadowed`, placed_at: t0 + 9 * 120_000 }]));
    expect(both.json).toMatchObject({ stored: 1, modelVersionId, shadowVersionId: second });
    const cc = await body(await shadow.GET(request('GET', `/api/monitoring/shadow?eventType=${type}`, { token: viewer }), params({})));
    expect(cc.status).toBe(200);
    expect(cc.json).toMatchObject({ eventType: type, champion: { id: modelVersionId }, challenger: { id: second }, compared: 1 });
    expect((await promote.POST(request('POST', `/api/models/versions/${second}/promote`, { token: engineer, body: { note: 'second model' } }), params({ id: second }))).status).toBe(200);
    expect(await db().modelVersion.count({ where: { servingSlot: `event:${type}`, stage: 'production' } })).toBe(1);
    resetScoringCache();
    expect((await body(await scoreByType.POST(request('POST', `/api/score/${type}`, { token: viewer, body: { event: probe } }), params({ type })))).json.modelVersionId).toBe(second);
    const back = await rollback.POST(request('POST', '/api/models/rollback', { token: engineer, body: { eventType: type, note: 'back to the first' } }), params({}));
    expect(back.status).toBe(200);
    resetScoringCache();
    expect((await body(await scoreByType.POST(request('POST', `/api/score/${type}`, { token: viewer, body: { event: probe } }), params({ type })))).json.modelVersionId).toBe(modelVersionId);
    expect((await rollback.POST(request('POST', '/api/models/rollback', { token: engineer, body: { eventType: type, kind: 'email' } }), params({}))).status).toBe(400);
  });
});

const viewerLabel = (token: string, id: string) => eventLabel.POST(request('POST', `/api/events/${id}/label`, { token, body: { label: 'fraud' } }), params({ ref: id }));

describe('aggregates through the database equal the training replay', () => {
  it('streams a dataset through ingestion in time order and stores exactly the replayed features', { timeout: 120_000 }, async () => {
    const engineer = await tokenFor('engineer');
    const type = `${typeName}_replay`;
    expect((await post(engineer, orderDefinition(type))).status).toBe(201);
    const rows = generateOrders({ buyers: 700, bursts: 40, startMs: Date.now() - 20 * 86_400_000, days: 10, seed: 5, prefix: unique('rp') });
    const events = rows.map(({ is_fraud: _l, ...e }) => e);
    const ordered = [...events].sort((a, b) => Number(a.placed_at) - Number(b.placed_at));
    // Full batches of 1,000 (the limit): thousands of entity keys per transaction.
    for (let i = 0; i < ordered.length; i += 1000) expect((await ingest(engineer, type, ordered.slice(i, i + 1000))).status).toBe(201);

    const def = orderDefinition(type) as EventTypeDefinition;
    const replayed = replayAggregates(def, viewOf(events));
    const stored = new Map((await db().event.findMany({ where: { eventType: type }, select: { externalId: true, features: true } })).map((e) => [e.externalId, fromExactJson<Record<string, number | null>>(e.features)]));
    expect(stored.size).toBe(events.length);
    let compared = 0;
    events.forEach((e, i) => {
      const f = stored.get(e.order_id)!;
      def.aggregates.forEach((a, k) => {
        const want = replayed[k][i];
        expect(f[aggregateName(a)], `${e.order_id} ${aggregateName(a)}`).toBe(Number.isFinite(want) ? want : null);
        compared++;
      });
    });
    expect(compared).toBe(events.length * def.aggregates.length);
  });
});

describe('ingestion input and concurrency', () => {
  it('refuses bad records with per-record 422s and stores nothing; 404 for an unknown type; 4xx above 1,000', async () => {
    const [engineer, analyst] = await Promise.all([tokenFor('engineer'), tokenFor('analyst')]);
    const type = `${typeName}_input`;
    expect((await post(engineer, orderDefinition(type))).status).toBe(201);
    const good = { order_id: 'in-1', placed_at: Date.now(), buyer_id: 'b1', buyer_email: 'a@b.example', ip: '10.0.0.1', card_bin: '411111', order_price: 10, product_category: 'books' };
    const bad = await body(await ingest(analyst, type, [good, { ...good, order_id: 'in-2', placed_at: '' }, { ...good, order_id: undefined }, { ...good, order_id: 'in-4', buyer_email: 'not-an-email' }, { ...good, order_id: 'in-5', ip: '300.1.1.1', order_price: 'ten' }]));
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['events.1.placed_at', 'events.2.order_id', 'events.3.buyer_email', 'events.4.ip', 'events.4.order_price']);
    expect(await db().event.count({ where: { eventType: type } })).toBe(0);
    const repeated = await ingest(analyst, type, [good, good]);
    expect(repeated.status).toBe(422);
    expect((await ingest(analyst, 'no_such_type', [good])).status).toBe(404);
    const tooMany = await ingest(analyst, type, Array.from({ length: 1001 }, (_, i) => ({ ...good, order_id: `m-${i}` })));
    expect(tooMany.status).toBeGreaterThanOrEqual(400);
    expect(tooMany.status).toBeLessThan(500);
    expect((await ingest(await tokenFor('viewer'), type, [good])).status).toBe(403);
    // Built-in presets whose seeds carry no id or time get a generated id and the arrival time; defined types do not.
    const reg = await body(await ingest(analyst, 'registration', [{ ip_address: '10.0.0.9', email_address: 'new.user@mail.example' }]));
    expect(reg.status).toBe(201);
    expect(reg.json.stored).toBe(1);
    expect(reg.json.results[0].externalId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await scoreByType.POST(request('POST', '/api/score/no_such_type', { token: analyst, body: { event: good } }), params({ type: 'no_such_type' }))).status).toBe(404);
    expect((await eventsByRef.GET(request('GET', '/api/events/nope', { token: analyst }), params({ ref: 'nope' }))).status).toBe(404);
    expect((await eventsList.GET(request('GET', '/api/events?entity=nocolon', { token: analyst }), params({}))).status).toBe(400);
    expect((await eventsExport.GET(request('GET', '/api/events/export', { token: analyst }), params({}))).status).toBe(400);
  });

  it('loses no aggregate update when concurrent batches touch one key, and stores concurrent re-sends once', { timeout: 60_000 }, async () => {
    const [engineer, analyst] = await Promise.all([tokenFor('engineer'), tokenFor('analyst')]);
    const type = `${typeName}_race`;
    expect((await post(engineer, orderDefinition(type))).status).toBe(201);
    // Inside one 5-minute bucket, so every event's 1-hour count sees every event stored before it.
    const t0 = Math.floor((Date.now() - 3_600_000) / 300_000) * 300_000;
    const batches = Array.from({ length: 8 }, (_, b) => Array.from({ length: 15 }, (_, i) => ({
      order_id: `r-${b}-${i}`, placed_at: t0 + (b * 15 + i) * 1000, buyer_id: 'hot-buyer', buyer_email: `u${b}@x.example`, ip: '10.0.0.2', card_bin: String(400000 + b), order_price: 1, product_category: 'toys',
    })));
    const answers = await Promise.all(batches.map((events) => ingest(analyst, type, events)));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(201));
    const state = await db().entityState.findUniqueOrThrow({ where: { eventType_entity_key: { eventType: type, entity: 'buyer', key: 'hot-buyer' } } });
    expect(fromExactJson<{ n: number }>(state.state).n).toBe(120);
    // Every event saw the ones stored before it: the counts seen are 0…119 once each, whatever the order.
    const seen = (await db().event.findMany({ where: { eventType: type }, select: { features: true } })).map((e) => fromExactJson<Record<string, number>>(e.features)['buyer.count_1h']);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i));
    const hotEvents = await body(await eventsList.GET(request('GET', `/api/events?type=${type}&entity=buyer:hot-buyer&limit=200`, { token: analyst }), params({})));
    expect(hotEvents.json.items).toHaveLength(120);

    const resend = await Promise.all(Array.from({ length: 6 }, () => ingest(analyst, type, batches[0])));
    const bodies = await Promise.all(resend.map((r) => r.json()));
    expect(resend.map((r) => r.status)).toEqual(Array(6).fill(201));
    for (const b of bodies) expect(b.stored).toBe(0);
    expect(await db().event.count({ where: { eventType: type } })).toBe(120);
  });
});
