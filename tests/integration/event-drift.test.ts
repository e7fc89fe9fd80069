import { beforeAll, describe, expect, it } from 'vitest';
import * as driftRoute from '@/app/api/drift/route';
import * as settingsRoute from '@/app/api/monitoring/settings/[kind]/route';
import { generateOrders, ORDER_EVENT_TYPE, type Order } from '@/lib/demo/orders';
import { db } from '@/lib/server/platform/db';
import { computeDriftSnapshots, windowCounts } from '@/lib/server/monitoring/drift';
import { storedEventFeatures } from '@/lib/server/events/drift-window';
import type { Row } from '@/lib/ml/features';
import { trainModel } from '@/lib/ml/model';
import { loadVersion, registerVersion, setStage } from '@/lib/server/registry/models';
import { resetScoringCache } from '@/lib/server/decisions/scoring';
import { ingestOrders, orderModel, timeOf } from './event-fixtures';
import { params, request, tokenFor } from './helpers';

const DAY = 86_400_000;
const JAN = Date.UTC(2026, 0, 1);
let type = '';
let versionId = '';
let orders: Order[] = [];

const mine = (rs: Awaited<ReturnType<typeof computeDriftSnapshots>>) => rs.filter((r) => r.modelVersionId === versionId);
const driftAlerts = async () => (await db().alert.findMany({ where: { type: 'drift' } })).filter((a) => (a.payload as { modelVersionId?: string } | null)?.modelVersionId === versionId);

beforeAll(async () => {
  ({ type, versionId, orders } = await orderModel('drift_ev'));
  await ingestOrders(type, orders);
}, 180_000);

describe('drift of an event model', () => {
  it('reads the stored events it scored: a stationary day raises nothing, with features and a score PSI', async () => {
    // Featurised as ingestion scored them: the model gives back the stored scores.
    const events = await db().event.findMany({ where: { eventType: type, occurredAt: { gte: new Date(JAN + 24 * DAY), lt: new Date(JAN + 25 * DAY) } }, select: { payload: true, features: true, score: true } });
    const model = await loadVersion(versionId);
    const p = model.scoreMatrix(storedEventFeatures(model, events).X);
    events.forEach((e, i) => expect(p[i]).toBeCloseTo(e.score!, 12));
    const counts = await windowCounts(versionId, new Date(JAN + 24 * DAY), new Date(JAN + 25 * DAY));
    expect(counts.count).toBeGreaterThan(100);
    expect(Object.keys(counts.features).length).toBeGreaterThan(3);
    const res = mine(await computeDriftSnapshots({ window: 'day', at: new Date(JAN + 25 * DAY) }));
    expect(res).toHaveLength(1);
    // The weekday is compared with the baseline's same weekday (PSI about 0, shown, not counted); the email and IP
    // history rates (earlier rows in training, the frozen tables live) are shown and not counted. What counts stays
    // below the alert level: at most a warn from the sampling noise of ~170 rows on decile bins.
    expect(['ok', 'warn']).toContain(res[0].status);
    expect(res[0].scorePsi!).toBeLessThan(0.1);
    const snap = await db().driftSnapshot.findFirstOrThrow({ where: { modelVersionId: versionId, windowStart: new Date(JAN + 24 * DAY) } });
    const features = snap.features as { name: string; psi: number; basis?: string; alerting?: boolean }[];
    expect(features.length).toBeGreaterThan(5);
    expect(snap.driftedShare).toBe(0);
    expect(features.filter((f) => f.alerting !== false && f.psi >= 0.2).map((f) => f.name)).toEqual([]);
    const weekday = features.find((f) => f.name === 'created_at.weekday');
    if (weekday) expect(weekday).toMatchObject({ basis: 'period', alerting: false });
    if (weekday) expect(weekday.psi).toBeLessThan(0.01);
    const history = features.filter((f) => /_(seen|fraud_rate)$/.test(f.name));
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((f) => f.alerting === false && f.basis === 'not_compared')).toBe(true);
    expect(features.filter((f) => f.name.startsWith('customer.') || f.name === 'order_price').every((f) => f.psi < 0.2)).toBe(true);
    expect(await driftAlerts()).toHaveLength(0);
  });

  it('shifted traffic raises one alert, not again for the same window', async () => {
    // Day 32: each customer's order thrice within minutes at eight times the price, on new cards from new addresses.
    const day = orders.filter((o) => timeOf(o) * 1000 >= JAN + 20 * DAY && timeOf(o) * 1000 < JAN + 21 * DAY);
    const shifted = day.flatMap((o, i) => [0, 1, 2].map((k) => ({
      ...o, order_id: `${o.order_id}-s${k}`, created_at: new Date(timeOf(o) * 1000 + 11 * DAY + k * 60_000).toISOString(),
      order_price: Math.round(o.order_price * 800) / 100, card_bin: String(910000 + 7 * i + k), ip: `203.0.${i % 256}.${k}`,
    })));
    await ingestOrders(type, shifted);
    const at = new Date(JAN + 32 * DAY);
    const res = mine(await computeDriftSnapshots({ window: 'day', at }));
    expect(res[0].status).toBe('alert');
    expect(res[0].alerted).toBe(true);
    mine(await computeDriftSnapshots({ window: 'day', at }));
    const alerts = await driftAlerts();
    expect(alerts).toHaveLength(1);
    expect((alerts[0].payload as { eventType?: string }).eventType).toBe(type);
  });

  it('GET /api/drift?eventType= lists the type\'s versions and snapshots; bad input is a 400', async () => {
    const token = await tokenFor('analyst');
    const res = await driftRoute.GET(request('GET', `/api/drift?eventType=${type}&window=day`, { token }), params({}));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.kind).toBe('event');
    expect(body.eventType).toBe(type);
    expect(body.versions.map((v: { id: string }) => v.id)).toEqual([versionId]);
    expect(body.snapshots[versionId].length).toBeGreaterThanOrEqual(2);
    const plain = await (await driftRoute.GET(request('GET', '/api/drift?kind=transaction&window=day', { token }), params({}))).json();
    expect(plain.kind).toBe('transaction');
    expect(plain.eventType).toBeUndefined();
    expect((await driftRoute.GET(request('GET', '/api/drift?eventType=Bad%20Type', { token }), params({}))).status).toBe(400);
  });

  it('measures a shadow version on the events it shadow-scored', async () => {
    const train = orders.filter((o) => timeOf(o) * 1000 < JAN + 20 * DAY) as unknown as Row[];
    const trained = await trainModel({ kind: 'event', rows: train, labelColumn: 'is_fraud', algorithm: 'gbdt', params: { rounds: 10 }, featureOptions: { eventType: { ...ORDER_EVENT_TYPE, name: type } } });
    const shadow = await registerVersion({ trained, modelName: `${type}-challenger`, eventType: { name: type, version: 1 } });
    await setStage(shadow.id, 'shadow', 'drift test', null);
    resetScoringCache();
    // Day 34: day 22 again, twelve days on.
    const copies = orders.filter((o) => timeOf(o) * 1000 >= JAN + 22 * DAY && timeOf(o) * 1000 < JAN + 23 * DAY)
      .map((o) => ({ ...o, order_id: `${o.order_id}-c`, created_at: new Date(timeOf(o) * 1000 + 12 * DAY).toISOString() }));
    await ingestOrders(type, copies);
    const res = await computeDriftSnapshots({ window: 'day', at: new Date(JAN + 35 * DAY) });
    const [challenger] = res.filter((r) => r.modelVersionId === shadow.id);
    const [champion] = mine(res);
    expect(challenger.count).toBe(copies.length);
    expect(champion.count).toBe(copies.length);
    expect(challenger.status).not.toBe('insufficient');
    expect(challenger.scorePsi).not.toBeNull();
    const snap = await db().driftSnapshot.findFirstOrThrow({ where: { modelVersionId: shadow.id, window: 'day' } });
    expect(snap.stage).toBe('shadow');
    expect((snap.features as { name: string }[]).some((f) => f.name.startsWith('customer.'))).toBe(true);
    await setStage(shadow.id, 'archived', 'drift test', null);
    resetScoringCache();
  });

  it('monitoring settings per event type (event:<type>) set the drift levels of its models', async () => {
    const engineer = await tokenFor('engineer');
    const key = `event:${type}`;
    const put = (kind: string, body: object, token = engineer) => settingsRoute.PUT(request('PUT', `/api/monitoring/settings/${kind}`, { token, body }), params({ kind }));
    const get = (kind: string) => settingsRoute.GET(request('GET', `/api/monitoring/settings/${kind}`, { token: engineer }), params({ kind }));
    expect((await (await get(key)).json()).psiAlert).toBe(0.25);
    expect((await put(key, { psiWarn: 0.01, psiAlert: 0.01, driftShare: 0.01 })).status).toBe(200);
    const read = await (await get(`event%3A${type}`)).json();
    expect(read).toMatchObject({ kind: key, psiWarn: 0.01, psiAlert: 0.01, driftShare: 0.01 });
    // The card kind's settings are those of its built-in type, untouched by this type's.
    const cards = await (await get('transaction')).json();
    expect(cards.kind).toBe('event:card_transaction');
    expect(cards.psiAlert).not.toBe(0.01);
    expect((await put('event:no_such_type', { psiWarn: 0.05 })).status).toBe(404);
    expect((await get('event:no_such_type')).status).toBe(404);
    expect((await put('event:Bad-Type', { psiWarn: 0.05 })).status).toBe(400);
    expect((await put('orders', { psiWarn: 0.05 })).status).toBe(400);
    expect((await put(key, { psiWarn: 0.05 }, await tokenFor('analyst'))).status).toBe(403);
    // The stationary day against the tightest levels: one feature 0.01 past its sampling noise (the customer state
    // still warming, the price) is enough, so the window alerts.
    const res = mine(await computeDriftSnapshots({ window: 'day', at: new Date(JAN + 25 * DAY) }));
    expect(res[0].status).toBe('alert');
    expect(await db().auditEvent.count({ where: { action: 'monitor.settings', targetId: key } })).toBe(1);
  });
});

describe('drift of an event model over stationary weeks', () => {
  // Orders without the email and IP fields (their leak-free training rates differ from the frozen live ones), over
  // 60 days: trained on 35, so the validation baseline spans a whole week, as the weekly window does.
  const definition = {
    ...ORDER_EVENT_TYPE,
    fields: ORDER_EVENT_TYPE.fields.filter((f) => f.type !== 'email' && f.type !== 'ip'),
    aggregates: ORDER_EVENT_TYPE.aggregates.filter((a) => a.entity === 'customer'),
  };
  const later = (o: Order) => ({ ...o, order_id: `b${o.order_id}`, created_at: new Date(timeOf(o) * 1000 + 30 * DAY).toISOString() });
  const orders = [...generateOrders({ customers: 1000, orders: 5000, bursts: 75, seed: 21 }), ...generateOrders({ customers: 1000, orders: 5000, bursts: 75, seed: 22 }).map(later)];

  it('a week of the same traffic is ok', { timeout: 180_000 }, async () => {
    const fixture = await orderModel('drift_week', { definition, orders, trainDays: 35 });
    await ingestOrders(fixture.type, fixture.orders);
    const res = (await computeDriftSnapshots({ window: 'week', at: new Date(JAN + 46 * DAY) })).filter((r) => r.modelVersionId === fixture.versionId);
    const snap = await db().driftSnapshot.findFirstOrThrow({ where: { modelVersionId: fixture.versionId, window: 'week' } });
    expect(res).toHaveLength(1);
    expect(res[0].count).toBeGreaterThan(500);
    expect(res[0].status).toBe('ok');
    expect(res[0].scorePsi!).toBeLessThan(0.1);
    const features = snap.features as { name: string; psi: number }[];
    expect(features.length).toBeGreaterThan(5);
    expect(features.every((f) => f.psi < 0.1)).toBe(true);
    expect((await db().alert.findMany({ where: { type: 'drift' } })).filter((a) => (a.payload as { modelVersionId?: string } | null)?.modelVersionId === fixture.versionId)).toHaveLength(0);
  });
});
