import { beforeAll, describe, expect, it } from 'vitest';
import * as ingest from '@/app/api/transactions/route';
import * as label from '@/app/api/transactions/[id]/label/route';
import * as scoreEmailRoute from '@/app/api/score/email/route';
import { generateEmails, generateTransactions } from '@/lib/demo';
import type { Row } from '@/lib/ml/features';
import { trainModel } from '@/lib/ml/model';
import { db } from '@/lib/server/platform/db';
import { registerVersion, setStage } from '@/lib/server/registry/models';
import { reviewQueue } from '@/lib/server/compat/transactions-read';
import { resetScoringCache } from '@/lib/server/decisions/scoring';
import { QueueQuery } from '@/lib/schemas/reviews';
import { params, request, tokenFor, unique } from './helpers';

const read = async (res: Response) => ({ status: res.status, json: await res.json() });
let analyst = '';
let viewer = '';
const now = Math.floor(Date.now() / 1000);
// Recent timestamps: the API refuses transactions from the future.
const live = generateTransactions({ cards: 120, days: 3, seed: 21, start: (now - 4 * 86_400) * 1000, fraudRate: 0.05 });

async function promoteFresh(kind: 'email' | 'transaction', rows: Row[], labelColumn: string) {
  const trained = await trainModel({ kind, rows, labelColumn, algorithm: 'gbdt', params: { rounds: 40 } });
  const v = await registerVersion({ trained, modelName: unique(`${kind}-test`) });
  await setStage(v.id, 'production', 'test', null);
  resetScoringCache();
  return v.id;
}

beforeAll(async () => {
  analyst = await tokenFor('analyst');
  viewer = await tokenFor('viewer');
  await promoteFresh('transaction', generateTransactions({ cards: 150, days: 20, seed: 5, fraudRate: 0.03 }) as unknown as Row[], 'is_fraud');
  await promoteFresh('email', generateEmails({ count: 600, seed: 5 }) as unknown as Row[], 'label');
});

describe('scoring and ingestion', () => {
  it('scores an email with a band, a model version and plain-language reasons', async () => {
    const res = await read(await scoreEmailRoute.POST(request('POST', '/api/score/email', { token: viewer, body: { email: 'xq7zk93vw@liamg.moc' } }), params({})));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ email: 'xq7zk93vw@liamg.moc', decision: expect.stringMatching(/allow|review|block/), modelVersionId: expect.any(String) });
    expect(res.json.reasons.length).toBeGreaterThan(0);
    expect(typeof res.json.reasons[0].text).toBe('string');
    const bad = await read(await scoreEmailRoute.POST(request('POST', '/api/score/email', { token: viewer, body: { email: 'pаypal@example.com' } }), params({})));
    expect(bad.status).toBe(400);
    const save = await read(await scoreEmailRoute.POST(request('POST', '/api/score/email', { token: viewer, body: { email: 'a.b@gmail.com', save: true } }), params({})));
    expect(save.status).toBe(403);
  });

  it('ingests a batch idempotently, with decisions and alerts for flagged items', async () => {
    const batch = live.slice(0, 300);
    expect(live.length).toBeGreaterThan(310);
    const first = await read(await ingest.POST(request('POST', '/api/transactions', { token: analyst, body: { transactions: batch } }), params({})));
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ received: 300, stored: 300, duplicates: [] });
    const again = await read(await ingest.POST(request('POST', '/api/transactions', { token: analyst, body: { transactions: batch } }), params({})));
    expect(again.json).toMatchObject({ stored: 0 });
    expect(again.json.duplicates).toHaveLength(300);
    const stored = await db().event.count({ where: { eventType: 'card_transaction', externalId: { in: batch.map((t) => t.trans_num) } } });
    expect(stored).toBe(300);
    const flagged = await db().event.count({ where: { eventType: 'card_transaction', externalId: { in: batch.map((t) => t.trans_num) }, decision: { in: ['review', 'block'] } } });
    expect(flagged).toBe(first.json.flagged);
    expect(await db().alert.count({ where: { type: 'high_risk', event: { eventType: 'card_transaction', externalId: { in: batch.map((t) => t.trans_num) } } } })).toBe(flagged);
  });

  it('rejects a batch with bad records as a whole, naming each problem', async () => {
    const [a, b, c, d, good] = live.slice(-5);
    const future = { ...d, unix_time: now + 86_400, trans_date_trans_time: undefined };
    const cases = [{ ...a, amt: -5 }, { ...b, amt: 'NaN' }, { ...c, surprise: 1 }, future, good];
    const res = await read(await ingest.POST(request('POST', '/api/transactions', { token: analyst, body: { transactions: cases } }), params({})));
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error.fields).sort()).toEqual(['transactions.0.amt', 'transactions.1.amt', 'transactions.2.surprise', 'transactions.3.unix_time']);
    expect(await db().event.count({ where: { eventType: 'card_transaction', externalId: good.trans_num } })).toBe(0);
    const tooMany = await read(await ingest.POST(request('POST', '/api/transactions', { token: analyst, body: { transactions: Array.from({ length: 1001 }, () => good) } }), params({})));
    expect(tooMany.status).toBe(400);
  });

  it('labels with optimistic concurrency: of two analysts the second gets a 409', async () => {
    const { items } = await reviewQueue(QueueQuery.parse({}));
    const item = items[0] ?? (await db().event.findFirstOrThrow({ where: { eventType: 'card_transaction' } }));
    const send = (l: string) => label.POST(request('POST', `/api/transactions/${item.id}/label`, { token: analyst, body: { label: l, expectedVersion: item.version } }), params({ id: item.id }));
    const [a, b] = await Promise.all([send('fraud'), send('legit')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = await read([a, b].find((r) => r.status === 409)!);
    expect(loser.json.error.message).toMatch(/labelled it/);
  });

  it('loses none of 1,000 concurrent label writes', async () => {
    await ingest.POST(request('POST', '/api/transactions', { token: analyst, body: { transactions: live.slice(300, -5) } }), params({}));
    // Two writers per item: real contention, without a retry storm.
    const ids = (await db().event.findMany({ where: { eventType: 'card_transaction', label: null }, select: { id: true, version: true }, take: 500 }));
    expect(ids.length).toBeGreaterThanOrEqual(300);
    const writes = Array.from({ length: 1000 }, (_, i) => ids[i % ids.length]);
    // Each write reads the current version and retries on conflict, as a client would.
    const labelOnce = async (id: string) => {
      for (;;) {
        const v = (await db().event.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
        const res = await label.POST(request('POST', `/api/transactions/${id}/label`, { token: analyst, body: { label: 'fraud', expectedVersion: v } }), params({ id }));
        if (res.status === 200) return;
        expect(res.status).toBe(409);
      }
    };
    await Promise.all(writes.map((w) => labelOnce(w.id)));
    const after = await db().event.findMany({ where: { id: { in: ids.map((i) => i.id) } }, select: { id: true, version: true } });
    const total = after.reduce((s, a) => s + a.version - ids.find((i) => i.id === a.id)!.version, 0);
    expect(total).toBe(1000);
  });
});
