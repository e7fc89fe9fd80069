// The transaction detail names the version that scored the item ("name vN"), so the item page links a name, not an id.
import { beforeAll, describe, expect, it } from 'vitest';
import * as detailRoute from '@/app/api/transactions/[id]/route';
import { generateTransactions } from '@/lib/demo';
import type { Row } from '@/lib/ml/features';
import { trainModel } from '@/lib/ml/model';
import { db } from '@/lib/server/platform/db';
import { registerVersion } from '@/lib/server/registry/models';
import { params, request, tokenFor, unique } from './helpers';

let viewer = '';
let modelName = '';
let versionId = '';
let version = 0;

beforeAll(async () => {
  viewer = await tokenFor('viewer');
  modelName = unique('named-tx');
  const trained = await trainModel({ kind: 'transaction', rows: generateTransactions({ cards: 40, days: 10, seed: 9, fraudRate: 0.05 }) as unknown as Row[], labelColumn: 'is_fraud', algorithm: 'gbdt', params: { rounds: 5 } });
  const v = await registerVersion({ trained, modelName });
  versionId = v.id;
  version = v.version;
});

async function storeTransaction(modelVersionId: string | null) {
  const externalId = unique('tx-named');
  return db().event.create({ data: { eventType: 'card_transaction', typeVersion: 1, externalId, occurredAt: new Date(), amount: 12.5, payload: { trans_num: externalId }, score: modelVersionId ? 0.42 : null, modelVersionId } });
}

const detail = async (id: string) => {
  const res = await detailRoute.GET(request('GET', `/api/transactions/${id}`, { token: viewer }), params({ id }));
  return { status: res.status, json: await res.json() };
};

describe('transaction detail names the scoring model version', () => {
  it('gives the model name and version of a scored item', async () => {
    const t = await storeTransaction(versionId);
    const res = await detail(t.id);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: t.id, modelVersionId: versionId, modelVersionName: `${modelName} v${version}` });
    expect(res.json).not.toHaveProperty('modelVersion');
  });

  it('gives null for an item no model scored', async () => {
    const t = await storeTransaction(null);
    const res = await detail(t.id);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ modelVersionId: null, modelVersionName: null });
  });
});
