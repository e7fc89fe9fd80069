// The response contracts of the monitoring, registry, event type, dataset, webhook, access and system routes hold
// for real answers: each route's declared `response` schema parses what it returns on real data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as auditRoute from '@/app/api/audit/route';
import * as datasetVersionRoute from '@/app/api/datasets/versions/[id]/route';
import * as importRoute from '@/app/api/datasets/import/route';
import * as importPathRoute from '@/app/api/datasets/import-path/route';
import * as previewRoute from '@/app/api/datasets/preview/route';
import * as snapshotLabelsRoute from '@/app/api/datasets/snapshot-labels/route';
import * as driftRoute from '@/app/api/drift/route';
import * as driftSnapshotsRoute from '@/app/api/drift/snapshots/route';
import * as eventTypesRoute from '@/app/api/event-types/route';
import * as eventTypeRoute from '@/app/api/event-types/[name]/route';
import * as inferRoute from '@/app/api/event-types/infer/route';
import * as eventByRefRoute from '@/app/api/events/[ref]/route';
import * as eventLabelRoute from '@/app/api/events/[ref]/label/route';
import * as healthRoute from '@/app/api/health/route';
import * as meRoute from '@/app/api/me/route';
import * as compareRoute from '@/app/api/models/compare/route';
import * as evaluateRoute from '@/app/api/models/evaluate/route';
import * as rollbackRoute from '@/app/api/models/rollback/route';
import * as promoteRoute from '@/app/api/models/versions/[id]/promote/route';
import * as stageRoute from '@/app/api/models/versions/[id]/stage/route';
import * as thresholdsRoute from '@/app/api/models/versions/[id]/thresholds/route';
import * as performanceRoute from '@/app/api/monitoring/performance/route';
import * as settingsRoute from '@/app/api/monitoring/settings/[kind]/route';
import * as shadowRoute from '@/app/api/monitoring/shadow/route';
import * as openApiRoute from '@/app/api/openapi.json/route';
import * as scoreTypeRoute from '@/app/api/score/[type]/route';
import * as tokenRoute from '@/app/api/tokens/[id]/route';
import * as tokensRoute from '@/app/api/tokens/route';
import * as userResetRoute from '@/app/api/users/[id]/password-reset/route';
import * as userRoute from '@/app/api/users/[id]/route';
import * as usersRoute from '@/app/api/users/route';
import * as webhookRoute from '@/app/api/webhooks/[id]/route';
import * as resendRoute from '@/app/api/webhooks/deliveries/[id]/resend/route';
import * as webhooksRoute from '@/app/api/webhooks/route';
import { ORDER_EVENT_TYPE, type Order } from '@/lib/demo/orders';
import type { Row } from '@/lib/ml/features';
import { trainModel } from '@/lib/ml/model';
import { db } from '@/lib/server/platform/db';
import { computeDriftSnapshots } from '@/lib/server/monitoring/drift';
import { resetScoringCache } from '@/lib/server/decisions/scoring';
import { registerVersion, setStage } from '@/lib/server/registry/models';
import { orderModel, timeOf } from './event-fixtures';
import { answer } from './contract-check';
import { request, tokenFor, unique } from './helpers';

let admin = '', engineer = '', viewer = '';
let type = '', champion = '', challenger = '', datasetVersionId = '';
let recent: Order[] = [];
const importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-contracts-'));


const csv = (rows: Record<string, unknown>[]) => [Object.keys(rows[0]).join(','), ...rows.map((r) => Object.values(r).join(','))].join('\n') + '\n';

beforeAll(async () => {
  [admin, engineer, viewer] = await Promise.all([tokenFor('admin'), tokenFor('engineer'), tokenFor('viewer')]);
  process.env.VIGIL_IMPORT_DIR = importDir;
  const fixture = await orderModel('contracts_more');
  ({ type, datasetVersionId } = fixture);
  champion = fixture.versionId;
  // A quick challenger in shadow, so the traffic below is scored by both.
  const train = fixture.orders.slice(0, 2500);
  const trained = await trainModel({ kind: 'event', rows: train as unknown as Row[], labelColumn: 'is_fraud', algorithm: 'gbdt', params: { rounds: 8 }, featureOptions: { eventType: { ...ORDER_EVENT_TYPE, name: type } } });
  challenger = (await registerVersion({ trained, modelName: unique('contracts-challenger'), datasetVersionId, eventType: { name: type, version: 1 } })).id;
  await setStage(challenger, 'shadow', 'contracts test', null);
  resetScoringCache();
  // The last 600 orders, moved to end an hour ago: recent days for drift and performance.
  const last = fixture.orders.slice(-600);
  const shift = Date.now() - 3_600_000 - timeOf(last.at(-1)!) * 1000;
  recent = last.map((o) => ({ ...o, created_at: new Date(timeOf(o) * 1000 + shift).toISOString() }));
}, 240_000);

afterAll(() => {
  delete process.env.VIGIL_IMPORT_DIR;
  fs.rmSync(importDir, { recursive: true, force: true });
});

describe('response contracts, continued', () => {
  it('describe ingestion, labels, event types, inference and scoring of a type', async () => {
    const ingested = await answer(eventByRefRoute.POST, request('POST', `/api/events/${type}`, { token: admin, body: { events: recent } }), { ref: type });
    expect(ingested.stored).toBe(recent.length);
    expect(ingested.shadowVersionId).toBe(challenger);
    const fraud = new Set(recent.filter((o) => Number(o.is_fraud) === 1).map((o) => o.order_id));
    const [first, ...rest] = ingested.results as { id: string; externalId: string }[];
    const labelled = await answer(eventLabelRoute.POST, request('POST', `/api/events/${first.id}/label`, { token: admin, body: { label: fraud.has(first.externalId) ? 'fraud' : 'legit', version: 0 } }), { ref: first.id });
    expect(labelled.version).toBe(1);
    for (const label of ['fraud', 'legit'] as const) {
      await db().event.updateMany({ where: { id: { in: rest.filter((r) => fraud.has(r.externalId) === (label === 'fraud')).map((r) => r.id) } }, data: { label } });
    }

    const types = await answer(eventTypesRoute.GET, request('GET', '/api/event-types', { token: viewer }));
    expect(types.items.some((t: { name: string }) => t.name === type)).toBe(true);
    await answer(eventTypeRoute.GET, request('GET', `/api/event-types/${type}`, { token: viewer }), { name: type });
    const name = unique('contracts_type').replace(/-/g, '_');
    const created = await answer(eventTypesRoute.POST, request('POST', '/api/event-types', { token: engineer, body: { ...ORDER_EVENT_TYPE, name } }));
    expect(created.versions).toHaveLength(1);
    const edited = await answer(eventTypeRoute.PUT, request('PUT', `/api/event-types/${name}`, { token: engineer, body: { ...ORDER_EVENT_TYPE, name, label: 'Edited' } }), { name });
    expect(edited.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const inferred = await answer(inferRoute.POST, request('POST', '/api/event-types/infer', { token: engineer, body: { csv: csv(recent.slice(0, 200) as unknown as Record<string, unknown>[]) } }));
    expect(inferred.rowsRead).toBe(200);

    const fresh = { ...recent[0], order_id: unique('o') };
    const one = await answer(scoreTypeRoute.POST, request('POST', `/api/score/${type}`, { token: viewer, body: { event: fresh } }), { type });
    expect(one.modelVersionId).toBe(champion);
    const batch = await answer(scoreTypeRoute.POST, request('POST', `/api/score/${type}`, { token: viewer, body: { events: [fresh, { order_id: 'x' }] } }), { type });
    expect(batch.results.map((r: object) => 'error' in r)).toEqual([false, true]);
  });

  it('describe monitoring settings, drift, labelled performance and champion versus challenger', async () => {
    const key = `event:${type}`;
    const defaults = await answer(settingsRoute.GET, request('GET', `/api/monitoring/settings/${key}`, { token: viewer }), { kind: key });
    expect(defaults.updatedAt).toBeNull();
    const saved = await answer(settingsRoute.PUT, request('PUT', `/api/monitoring/settings/${key}`, { token: engineer, body: { minLabels: 5 } }), { kind: key });
    expect(saved.minLabels).toBe(5);

    await computeDriftSnapshots({ window: 'day' });
    const drift = await answer(driftRoute.GET, request('GET', `/api/drift?eventType=${type}&window=day`, { token: viewer }));
    expect(drift.snapshots[champion].length).toBeGreaterThan(0);
    const chosen = await answer(driftRoute.GET, request('GET', `/api/drift?eventType=${type}`, { token: viewer }));
    expect(chosen.windowChoice.scored).not.toBeNull();
    const job = await answer(driftSnapshotsRoute.POST, request('POST', '/api/drift/snapshots', { token: engineer, body: { window: 'hour' } }));
    await db().job.delete({ where: { id: job.id } });

    const perf = await answer(performanceRoute.GET, request('GET', `/api/monitoring/performance?eventType=${type}&days=10`, { token: viewer }));
    expect(perf.points.some((p: { precision: number | null; estimated: unknown }) => p.precision !== null && p.estimated !== null)).toBe(true);
    await answer(performanceRoute.GET, request('GET', '/api/monitoring/performance?kind=transaction&days=3', { token: viewer }));

    const shadow = await answer(shadowRoute.GET, request('GET', `/api/monitoring/shadow?eventType=${type}`, { token: viewer }));
    expect(shadow.sides).not.toBeNull();
    expect(shadow.labelled).toBeGreaterThan(0);
    const none = await answer(shadowRoute.GET, request('GET', '/api/monitoring/shadow?kind=tabular', { token: viewer }));
    expect(none.sides).toBeNull();
  });

  it('describe a comparison, an evaluation job, thresholds and stage changes', async () => {
    const compared = await answer(compareRoute.GET, request('GET', `/api/models/compare?ids=${champion},${challenger}`, { token: viewer }));
    expect(compared.holdouts.datasetVersions.length).toBeGreaterThan(0);
    const job = await answer(evaluateRoute.POST, request('POST', '/api/models/evaluate', { token: engineer, body: { versionIds: [champion, challenger], holdout: { datasetVersionId } } }));
    await db().job.delete({ where: { id: job.id } });

    const v = await db().modelVersion.findUniqueOrThrow({ where: { id: challenger }, select: { threshold: true, reviewThreshold: true, blockThreshold: true } });
    await answer(thresholdsRoute.PUT, request('PUT', `/api/models/versions/${challenger}/thresholds`, { token: engineer, body: v }), { id: challenger });
    const staged = await answer(stageRoute.POST, request('POST', `/api/models/versions/${challenger}/stage`, { token: engineer, body: { stage: 'candidate', note: 'contracts test' } }), { id: challenger });
    expect(staged.stage).toBe('candidate');
    const promoted = await answer(promoteRoute.POST, request('POST', `/api/models/versions/${challenger}/promote`, { token: engineer, body: { note: 'contracts test' } }), { id: challenger });
    expect(promoted.promotedAt).not.toBeNull();
    const back = await answer(rollbackRoute.POST, request('POST', '/api/models/rollback', { token: engineer, body: { eventType: type } }));
    expect(back.id).toBe(champion);
    resetScoringCache();
  });

  it('describe a dataset version, the import preview, uploads, server-path imports and label snapshots', async () => {
    const detail = await answer(datasetVersionRoute.GET, request('GET', `/api/datasets/versions/${datasetVersionId}`, { token: viewer }), { id: datasetVersionId });
    expect(detail.preview.length).toBeGreaterThan(0);
    const table = csv(Array.from({ length: 60 }, (_, i) => ({ a: i, b: i % 7, label: i % 5 === 0 ? 1 : 0 })));
    const asCsv = { 'content-type': 'text/csv' };
    const preview = await answer(previewRoute.POST, request('POST', '/api/datasets/preview', { token: engineer, body: table, headers: asCsv }));
    expect(preview.header).toEqual(['a', 'b', 'label']);
    await answer(importRoute.POST, request('POST', `/api/datasets/import?name=${unique('contracts-up')}&kind=tabular&label=label`, { token: engineer, body: table, headers: asCsv }));
    const events = await answer(importRoute.POST, request('POST', `/api/datasets/import?name=${unique('contracts-ev')}&eventType=${type}&label=is_fraud`, { token: engineer, body: csv(recent.slice(0, 100) as unknown as Record<string, unknown>[]), headers: asCsv }));
    expect(events.eventType).toBe(type);
    fs.writeFileSync(path.join(importDir, 'table.csv'), table);
    await answer(importPathRoute.POST, request('POST', '/api/datasets/import-path', { token: engineer, body: { path: 'table.csv', name: unique('contracts-path'), kind: 'tabular', labelColumn: 'label' } }));
    await answer(previewRoute.POST, request('POST', '/api/datasets/preview', { token: engineer, body: { path: 'table.csv' } }));
    const snapshot = await answer(snapshotLabelsRoute.POST, request('POST', '/api/datasets/snapshot-labels', { token: engineer, body: { eventType: type } }));
    expect(snapshot.rowCount).toBeGreaterThan(0);
  });

  it('describe webhooks and their deliveries, tokens, users, the caller, the audit log, health and the API document', async () => {
    const hook = await answer(webhooksRoute.POST, request('POST', '/api/webhooks', { token: admin, body: { url: 'https://93.184.215.14/hook', events: ['high_risk'] } }));
    expect(hook.secret).toMatch(/^whsec_/);
    const delivery = await db().webhookDelivery.create({ data: { webhookId: hook.id, event: 'alert.high_risk', payload: {}, status: 'failed', attempts: 5, lastError: 'timeout' } });
    const listed = await answer(webhooksRoute.GET, request('GET', '/api/webhooks', { token: admin }));
    expect(listed.deliveries.some((d: { id: string }) => d.id === delivery.id)).toBe(true);
    const resent = await answer(resendRoute.POST, request('POST', `/api/webhooks/deliveries/${delivery.id}/resend`, { token: admin }), { id: delivery.id });
    await db().job.delete({ where: { id: resent.id } });
    await answer(webhookRoute.DELETE, request('DELETE', `/api/webhooks/${hook.id}`, { token: admin }), { id: hook.id });

    const token = await answer(tokensRoute.POST, request('POST', '/api/tokens', { token: admin, body: { name: unique('contracts-token'), role: 'viewer' } }));
    await answer(tokenRoute.DELETE, request('DELETE', `/api/tokens/${token.id}`, { token: admin }), { id: token.id });
    const { user } = await answer(usersRoute.POST, request('POST', '/api/users', { token: admin, body: { email: `${unique('c')}@example.com`, name: 'Contract Person', role: 'analyst' } }));
    await answer(userRoute.GET, request('GET', `/api/users/${user.id}`, { token: admin }), { id: user.id });
    await answer(userRoute.PUT, request('PUT', `/api/users/${user.id}`, { token: admin, body: { role: 'viewer' } }), { id: user.id });
    await answer(userResetRoute.POST, request('POST', `/api/users/${user.id}/password-reset`, { token: admin }), { id: user.id });

    const me = await answer(meRoute.GET, request('GET', '/api/me', { token: viewer }));
    expect(me.kind).toBe('token');
    const audit = await answer(auditRoute.GET, request('GET', '/api/audit?limit=50', { token: admin }));
    expect(audit.events.length).toBeGreaterThan(0);
    await answer(healthRoute.GET, request('GET', '/api/health'));
    await answer(openApiRoute.GET, request('GET', '/api/openapi.json'));
  });
});
