// Concurrent re-sends of one batch: every request is a 2xx and the ids are stored once (README: a re-sent trans_num is a no-op).
import { describe, expect, it } from 'vitest';
import * as ingest from '@/app/api/transactions/route';
import { generateTransactions } from '@/lib/demo';
import { db } from '@/lib/server/platform/db';
import { params, request, tokenFor, unique } from './helpers';

const now = Math.floor(Date.now() / 1000);

describe('concurrent duplicate ingestion', () => {
  it('answers 20 concurrent re-sends of one batch with 2xx and stores each trans_num once', async () => {
    const analyst = await tokenFor('analyst');
    const prefix = unique('race');
    const batch = generateTransactions({ cards: 5, days: 1, seed: 77, start: (now - 2 * 86_400) * 1000, fraudRate: 0.1 })
      .slice(0, 25)
      .map((t, i) => ({ ...t, trans_num: `${prefix}-${i}` }));
    const send = () => ingest.POST(request('POST', '/api/transactions', { token: analyst, body: { transactions: batch } }), params({}));
    const answers = await Promise.all(Array.from({ length: 20 }, send));
    const bodies = await Promise.all(answers.map(async (r) => ({ status: r.status, json: await r.json() })));
    expect(bodies.map((b) => b.status)).toEqual(Array(20).fill(201));
    // Exactly one request stored the batch; every other one reports all of it as duplicates.
    const stored = bodies.map((b) => b.json.stored as number);
    expect(stored.reduce((a, b) => a + b, 0)).toBe(batch.length);
    for (const b of bodies) expect(b.json.stored + b.json.duplicates.length).toBe(batch.length);
    expect(await db().event.count({ where: { eventType: 'card_transaction', externalId: { startsWith: prefix } } })).toBe(batch.length);
  });
});
