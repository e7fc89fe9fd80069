// Small hostile inputs that used to reach the database (a 500 on Postgres) or crash a handler: each is a 400 now.
import { beforeAll, describe, expect, it } from 'vitest';
import * as ingest from '@/app/api/transactions/route';
import * as search from '@/app/api/transactions/search/route';
import * as exportRoute from '@/app/api/transactions/export/route';
import * as queue from '@/app/api/review/queue/route';
import * as alerts from '@/app/api/alerts/route';
import * as label from '@/app/api/transactions/[id]/label/route';
import * as bulkLabel from '@/app/api/transactions/label/route';
import * as detail from '@/app/api/transactions/[id]/route';
import * as tokens from '@/app/api/tokens/route';
import * as promote from '@/app/api/models/versions/[id]/promote/route';
import * as backtest from '@/app/api/models/versions/[id]/backtest/route';
import * as scoreEmail from '@/app/api/score/email/route';
import * as trainJobs from '@/app/api/training/jobs/route';
import * as compatTrain from '@/app/model/train/route';
import * as predictEmail from '@/app/prediction/single/[email]/route';
import * as predict from '@/app/predict/route';
import { db } from '@/lib/server/platform/db';
import { ingestTransactions } from '@/lib/server/compat/transactions';
import { params, request, tokenFor, unique } from './helpers';

const read = async (res: Response) => ({ status: res.status, json: await res.json() });
const NUL = 'a\u0000b';
const now = Math.floor(Date.now() / 1000);
const tx = (over: Record<string, unknown> = {}) => ({
  trans_num: unique('hostile'), unix_time: now - 3600, cc_num: '4263982640269299', category: 'shopping_net', amt: 12.5, merchant: 'm', lat: 40.7, long: -74,
  merch_lat: 41.2, merch_long: -73.5, city_pop: 8000, dob: '1980-04-02', gender: 'F', first: 'A', last: 'B', street: 's', city: 'c', state: 'NY', zip: '10001', job: 'j', ...over,
});
let admin = '';
let txId = '';

beforeAll(async () => {
  admin = await tokenFor('admin');
  const t = tx();
  await ingestTransactions([t], null);
  txId = (await db().event.findUniqueOrThrow({ where: { eventType_externalId: { eventType: 'card_transaction', externalId: t.trans_num } }, select: { id: true } })).id;
});

describe('hostile input', () => {
  it('refuses a NUL byte in every stored Sparkov string with a 422 naming the field, and stores nothing', async () => {
    for (const field of ['trans_num', 'merchant', 'category', 'first', 'last', 'gender', 'street', 'city', 'state', 'zip', 'job', 'dob', 'trans_date_trans_time']) {
      const res = await read(await ingest.POST(request('POST', '/api/transactions', { token: admin, body: { transactions: [tx({ [field]: NUL })] } }), params({})));
      expect(res.status, field).toBe(422);
      expect(Object.keys(res.json.error.fields), field).toEqual([`transactions.0.${field}`]);
    }
  });

  it('refuses a NUL byte in searched and stored strings elsewhere', async () => {
    const get = async (mod: { GET: typeof search.GET }, url: string) => (await mod.GET(request('GET', url, { token: admin }), params({}))).status;
    for (const q of ['q', 'category', 'cursor']) {
      expect(await get(search, `/api/transactions/search?${q}=a%00b`), q).toBe(400);
      expect(await get(exportRoute, `/api/transactions/export?${q}=a%00b`), q).toBe(400);
    }
    for (const q of ['category', 'model', 'cursor']) expect(await get(queue, `/api/review/queue?${q}=a%00b`), q).toBe(400);
    expect(await get(alerts, '/api/alerts?cursor=a%00b')).toBe(400);
    expect((await detail.GET(request('GET', '/api/transactions/x', { token: admin }), params({ id: NUL }))).status).toBe(400);
    expect((await tokens.POST(request('POST', '/api/tokens', { token: admin, body: { name: NUL, role: 'viewer' } }), params({}))).status).toBe(400);
    expect((await promote.POST(request('POST', '/api/models/versions/x/promote', { token: admin, body: { note: `why ${NUL}` } }), params({ id: 'x' }))).status).toBe(400);
    expect((await scoreEmail.POST(request('POST', '/api/score/email', { token: admin, body: { email: 'a@b.com', modelVersionId: NUL } }), params({}))).status).toBe(400);
    expect((await trainJobs.POST(request('POST', '/api/training/jobs', { token: admin, body: { datasetVersionId: NUL } }), params({}))).status).toBe(400);
    expect((await predict.POST(request('POST', '/predict', { token: admin, body: { UserId: [NUL], Event: ['e'], Category: ['c'] } }), params({}))).status).toBe(400);
  });

  it('bounds integers to their column type: expectedVersion ≥ 2^31 is a 400', async () => {
    for (const expectedVersion of [2 ** 31, 2 ** 53, 1e300]) {
      const one = await read(await label.POST(request('POST', `/api/transactions/${txId}/label`, { token: admin, body: { label: 'fraud', expectedVersion } }), params({ id: txId })));
      expect(one).toMatchObject({ status: 400, json: { error: { fields: { expectedVersion: expect.arrayContaining([expect.any(String)]) } } } });
      const bulk = await bulkLabel.POST(request('POST', '/api/transactions/label', { token: admin, body: { items: [{ id: txId, expectedVersion }], label: 'legit' } }), params({}));
      expect(bulk.status).toBe(400);
    }
  });

  it('bounds dates: backtests at year ±275,760 and search days outside 1900–2200 are a 400', async () => {
    for (const body of [{ from: '+275760-09-13T00:00:00.000Z' }, { to: '-271821-04-20T00:00:00.000Z' }, { from: 8.64e15 }, { from: '1800-01-01' }]) {
      const res = await backtest.POST(request('POST', '/api/models/versions/x/backtest', { token: admin, body }), params({ id: 'x' }));
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await queue.GET(request('GET', '/api/review/queue?to=0000-01-01', { token: admin }), params({}))).status).toBe(400);
    expect((await search.GET(request('GET', '/api/transactions/search?from=9999-01-01', { token: admin }), params({}))).status).toBe(400);
  });

  it('reports unknown keys named like Object.prototype members as unknown fields', async () => {
    for (const key of ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty']) {
      const body = `{"name":"k","role":"viewer","${key}":{"polluted":1}}`;
      const res = await read(await tokens.POST(request('POST', '/api/tokens', { token: admin, body }), params({})));
      expect(res, key).toMatchObject({ status: 400, json: { error: { code: 'bad_request', fields: { [key]: ['Unknown field.'] } } } });
      const txRes = await read(await ingest.POST(request('POST', '/api/transactions', { token: admin, body: `{"transactions":[{"${key}":1}]}` }), params({})));
      expect(txRes.status, key).toBe(422);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses /model/train values that TrainRequest would refuse, with a 400 instead of a 500', async () => {
    for (const mp of [{ learning_rate: 0.0001 }, { subsample: 0.01 }, { n_estimators: 6000 }]) {
      const res = await compatTrain.POST(request('POST', '/model/train', { token: admin, body: { name: 'm1', model_params: { model_params: mp } } }), params({}));
      expect(res.status, JSON.stringify(mp)).toBe(400);
    }
    const forest = await compatTrain.POST(request('POST', '/model/train', { token: admin, body: { name: 'm1', model_type: 'RandomForest', model_params: { model_params: { n_estimators: 3000 } } } }), params({}));
    expect(forest.status).toBe(400);
  });

  it('answers a twice-encoded address that does not decode with a 400', async () => {
    // Next decodes the path once ('%25E0%25A4%25A' → '%E0%A4%A'); the handler's second decode must not throw.
    const res = await read(await predictEmail.POST(request('POST', '/prediction/single/%25E0%25A4%25A', { token: admin }), params({ email: '%E0%A4%A' })));
    expect(res).toMatchObject({ status: 400, json: { error: { code: 'bad_request' } } });
  });
});
