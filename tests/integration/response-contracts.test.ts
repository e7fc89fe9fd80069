// The response contracts (lib/schemas/responses) hold for real answers: each declared `response` schema parses what
// its route returns on real data. And the binder (platform/api-route.ts) keeps the order and statuses routes had.
import { beforeAll, describe, expect, it } from 'vitest';
import * as datasetsRoute from '@/app/api/datasets/route';
import * as eventByRefRoute from '@/app/api/events/[ref]/route';
import * as eventsRoute from '@/app/api/events/route';
import * as jobRoute from '@/app/api/jobs/[id]/route';
import * as modelsRoute from '@/app/api/models/route';
import * as versionRoute from '@/app/api/models/versions/[id]/route';
import * as backtestRoute from '@/app/api/models/versions/[id]/backtest/route';
import * as queueRoute from '@/app/api/review/queue/route';
import * as scoreTxRoute from '@/app/api/score/transaction/route';
import * as scoreTxBatchRoute from '@/app/api/score/transaction/batch/route';
import * as labelRoute from '@/app/api/transactions/[id]/label/route';
import * as bulkLabelRoute from '@/app/api/transactions/label/route';
import * as ingestRoute from '@/app/api/transactions/route';
import * as alertsRoute from '@/app/api/alerts/route';
import * as ackRoute from '@/app/api/alerts/[id]/ack/route';
import * as deadLettersRoute from '@/app/api/dead-letters/route';
import * as txDetailRoute from '@/app/api/transactions/[id]/route';
import * as searchRoute from '@/app/api/transactions/search/route';
import * as tokensRoute from '@/app/api/tokens/route';
import * as trainingJobsRoute from '@/app/api/training/jobs/route';
import * as usersRoute from '@/app/api/users/route';
import { generateTransactions } from '@/lib/demo';
import type { Row } from '@/lib/ml/features';
import { trainModel } from '@/lib/ml/model';
import { JobsApi } from '@/lib/server/api/jobs';
import { db } from '@/lib/server/platform/db';
import { createDatasetVersion } from '@/lib/server/datasets';
import { registerVersion, setStage } from '@/lib/server/registry/models';
import { resetScoringCache } from '@/lib/server/decisions/scoring';
import { orderModel, timeOf } from './event-fixtures';
import { answer } from './contract-check';
import { params, request, tokenFor, unique } from './helpers';

let admin = '';
let versionId = '';
let viewer = '';
const now = Math.floor(Date.now() / 1000);
const live = generateTransactions({ cards: 60, days: 2, seed: 33, start: (now - 3 * 86_400) * 1000, fraudRate: 0.2 });


beforeAll(async () => {
  admin = await tokenFor('admin');
  viewer = await tokenFor('viewer');
  const trained = await trainModel({ kind: 'transaction', rows: generateTransactions({ cards: 80, days: 10, seed: 34, fraudRate: 0.05 }) as unknown as Row[], labelColumn: 'is_fraud', algorithm: 'gbdt', params: { rounds: 15 } });
  const v = await registerVersion({ trained, modelName: unique('contracts') });
  await setStage(v.id, 'production', 'contracts test', null);
  versionId = v.id;
  resetScoringCache();
  const ingest = await answer(ingestRoute.POST, request('POST', '/api/transactions', { token: admin, body: { transactions: live.slice(0, 250) } }));
  expect(ingest.stored).toBe(250);
});

describe('response contracts', () => {
  it('describe the registry, datasets, search, queue, labels, scores and jobs as they are answered', async () => {
    await answer(modelsRoute.GET, request('GET', '/api/models', { token: viewer }));
    const detail = await answer(versionRoute.GET, request('GET', `/api/models/versions/${versionId}`, { token: viewer }), { id: versionId });
    expect(detail.history.length).toBeGreaterThan(0);
    await answer(tokensRoute.GET, request('GET', '/api/tokens', { token: admin }));
    await answer(usersRoute.GET, request('GET', '/api/users', { token: admin }));
    await answer(datasetsRoute.GET, request('GET', '/api/datasets', { token: viewer }));
    const page = await answer(searchRoute.GET, request('GET', '/api/transactions/search?limit=200', { token: viewer }));
    expect(page.items.length).toBe(200);
    // This test's own items (scored by its version): other files' rows in the shared database are not ours to label.
    const queue = await answer(queueRoute.GET, request('GET', `/api/review/queue?band=all&limit=200&model=${versionId}`, { token: viewer }));
    expect(queue.items.length).toBeGreaterThan(0);
    const [first, ...rest] = queue.items as { id: string; version: number }[];
    const labelled = await answer(labelRoute.POST, request('POST', `/api/transactions/${first.id}/label`, { token: admin, body: { label: 'fraud', expectedVersion: first.version } }), { id: first.id });
    expect(labelled.version).toBe(first.version + 1);
    const one = await answer(txDetailRoute.GET, request('GET', `/api/transactions/${first.id}`, { token: viewer }), { id: first.id });
    expect(one.recent.length).toBeGreaterThan(0);
    const alerts = await answer(alertsRoute.GET, request('GET', '/api/alerts?status=open&type=high_risk&limit=5', { token: viewer }));
    const alert = (alerts.items as { id: string; eventId: string | null; transactionId: string | null }[]).find((a) => a.eventId);
    expect(alert?.transactionId).toBe(alert?.eventId);
    const acked = await answer(ackRoute.POST, request('POST', `/api/alerts/${alert!.id}/ack`, { token: admin }), { id: alert!.id });
    expect(acked.acknowledgedAt).not.toBeNull();
    await db().deadLetter.create({ data: { source: 'nats:vigil.transactions', reference: '7', payload: '{"x":1}', reason: 'contracts test' } });
    const letters = await answer(deadLettersRoute.GET, request('GET', '/api/dead-letters?limit=5', { token: admin }));
    expect(letters.deadLetters.length).toBeGreaterThan(0);
    const bulk = await answer(bulkLabelRoute.POST, request('POST', '/api/transactions/label', { token: admin, body: { label: 'legit', items: rest.slice(0, 5).map((i) => ({ id: i.id, expectedVersion: i.version })) } }));
    expect(bulk.labelled).toBe(Math.min(5, rest.length));
    await answer(scoreTxRoute.POST, request('POST', '/api/score/transaction', { token: viewer, body: { transaction: live[260] } }));
    const batch = await answer(scoreTxBatchRoute.POST, request('POST', '/api/score/transaction/batch', { token: viewer, body: { transactions: [live[261], { nope: 1 }] } }));
    expect(batch.results.map((r: { error?: unknown }) => 'error' in r)).toEqual([false, true]);
  });

  it('describe a backtest, asked without a body (the defaults)', async () => {
    const result = await answer(backtestRoute.POST, request('POST', `/api/models/versions/${versionId}/backtest`, { token: viewer }), { id: versionId });
    expect(result.n).toBeGreaterThan(0);
    expect(result.sweep.length).toBeGreaterThan(10);
  });

  it("describe events: ingested, listed, one with its entities, and a type's review queue", async () => {
    const { type, orders } = await orderModel('contracts');
    const recent = [...orders].sort((a, b) => timeOf(b) - timeOf(a)).slice(0, 300);
    const ingested = await eventByRefRoute.POST(request('POST', `/api/events/${type}`, { token: admin, body: { events: recent } }), params({ ref: type }));
    expect(ingested.status).toBe(201);
    const page = await answer(eventsRoute.GET, request('GET', `/api/events?type=${type}&limit=100`, { token: viewer }));
    expect(page.items.length).toBe(100);
    const one = await answer(eventByRefRoute.GET, request('GET', `/api/events/${page.items[0].id}`, { token: viewer }), { ref: page.items[0].id });
    expect(one.entities.length).toBeGreaterThan(0);
    await answer(queueRoute.GET, request('GET', `/api/review/queue?type=${type}&band=all`, { token: viewer }));
  });

  it('describe a queued training job and the same job read back', async () => {
    const rows = generateTransactions({ cards: 30, days: 5, seed: 35, fraudRate: 0.1 });
    const dataset = await createDatasetVersion({ name: unique('contracts-ds'), kind: 'transaction', source: 'generated', rows, columns: Object.keys(rows[0]), labelColumn: 'is_fraud' });
    const job = await answer(trainingJobsRoute.POST, request('POST', '/api/training/jobs', { token: admin, body: { datasetVersionId: dataset.id, algorithm: 'gbdt' } }));
    const read = await answer(jobRoute.GET, request('GET', `/api/jobs/${job.id}`, { token: viewer }), { id: job.id });
    // Who asked stays with the worker: neither answer names them (the stored payload still does, for training).
    expect(job.payload.actor).toBeUndefined();
    expect(read.payload.actor).toBeUndefined();
    expect(((await db().job.findUniqueOrThrow({ where: { id: job.id } })).payload as { actor?: { role?: string } }).actor?.role).toBe('admin');
    await db().job.delete({ where: { id: job.id } });
  });
});

describe('the binder', () => {
  it('authenticates before it reads params, query or body, and answers each problem as before', async () => {
    const noAuth = await jobRoute.GET(request('GET', '/api/jobs/x'), params({ id: '' }));
    expect(noAuth.status).toBe(401);
    const badParam = await jobRoute.GET(request('GET', '/api/jobs/x', { token: viewer }), params({ id: '' }));
    expect(badParam.status).toBe(400);
    expect((await badParam.json()).error.message).toBe('Path is invalid.');
    const missing = await jobRoute.GET(request('GET', '/api/jobs/nope', { token: viewer }), params({ id: 'nope' }));
    expect(missing.status).toBe(404);
    const badQuery = await searchRoute.GET(request('GET', '/api/transactions/search?limit=0', { token: viewer }), params({}));
    expect(badQuery.status).toBe(400);
    expect((await badQuery.json()).error.message).toBe('Query is invalid.');
    const forbidden = await trainingJobsRoute.POST(request('POST', '/api/training/jobs', { token: viewer, body: 'not json' }), params({}));
    expect(forbidden.status).toBe(403);
    const notJson = await trainingJobsRoute.POST(request('POST', '/api/training/jobs', { token: admin, body: '{}', headers: { 'content-type': 'text/plain' } }), params({}));
    expect(notJson.status).toBe(415);
    const tooBig = await trainingJobsRoute.POST(request('POST', '/api/training/jobs', { token: admin, body: { pad: 'x'.repeat(JobsApi.train.bodyLimit) } }), params({}));
    expect(tooBig.status).toBe(413);
    expect(trainingJobsRoute.POST.endpoint).toBe(JobsApi.train);
  });
});
