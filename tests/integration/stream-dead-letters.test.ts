// JetStream on 127.0.0.1:4222: messages that can never be ingested are terminated into the dead-letter table,
// the valid messages beside them are stored, and the durable consumer's redeliveries are bounded.
import { AckPolicy, connect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as deadLettersRoute from '@/app/api/dead-letters/route';
import { generateTransactions } from '@/lib/demo';
import { db } from '@/lib/server/platform/db';
import { MAX_DELIVER, startStreamConsumer } from '@/lib/server/platform/stream';
import { params, request, tokenFor, unique, closeTestStream } from './helpers';

const NATS_URL = process.env.VIGIL_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const suffix = unique('dl').replace(/\W/g, '_');
const options = { url: NATS_URL, stream: `VIGIL_TEST_${suffix}`, subject: `vigil.test.${suffix}`, durable: `vigil-test-${suffix}` };
const source = `nats:${options.subject}`;
const now = Math.floor(Date.now() / 1000);
const live = generateTransactions({ cards: 10, days: 1, seed: 61, start: (now - 2 * 86_400) * 1000, fraudRate: 0.1 }).slice(0, 12).map((t, i) => ({ ...t, trans_num: `${suffix}-${i}` }));
let nc: NatsConnection;
let consumer: { stop(): Promise<void> } | undefined;

beforeAll(async () => {
  nc = await connect({ servers: NATS_URL });
  // A consumer as older versions created it: no bound on redeliveries.
  const jsm = await nc.jetstreamManager();
  await jsm.streams.add({ name: options.stream, subjects: [options.subject] });
  await jsm.consumers.add(options.stream, { durable_name: options.durable, ack_policy: AckPolicy.Explicit, filter_subject: options.subject });
});

afterAll(() => closeTestStream(nc, consumer, options.stream));

async function waitFor(check: () => Promise<boolean>, ms = 30_000) {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) if (await check()) return;
}

describe('JetStream dead letters', () => {
  it('bounds redeliveries of an existing consumer', async () => {
    consumer = await startStreamConsumer(options);
    const info = await (await nc.jetstreamManager()).consumers.info(options.stream, options.durable);
    expect(info.config.max_deliver).toBe(MAX_DELIVER);
  });

  it('terminates unusable messages with a stored reason and stores the valid ones beside them', async () => {
    const js = nc.jetstream();
    const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    // Published before the consumer's next fetch, so valid and unusable messages share one batch.
    await consumer!.stop();
    consumer = undefined;
    for (const t of live.slice(0, 5)) await js.publish(options.subject, enc(t));
    const nul = await js.publish(options.subject, enc({ ...live[5], merchant: 'fraud_\u0000Kirlin' }));
    await js.publish(options.subject, enc({ transactions: live.slice(6, 10) }));
    const notJson = await js.publish(options.subject, new TextEncoder().encode('not json at all'));
    const badUtf8 = await js.publish(options.subject, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    const invalid = await js.publish(options.subject, enc({ transactions: [live[10], { ...live[11], amt: -1 }] }));
    const huge = await js.publish(options.subject, new TextEncoder().encode('x'.repeat(20_000)));
    consumer = await startStreamConsumer(options);

    const ids = live.slice(0, 10).filter((_, i) => i !== 5).map((t) => t.trans_num);
    await waitFor(async () => (await db().deadLetter.count({ where: { source } })) === 5 && (await db().event.count({ where: { eventType: 'card_transaction', externalId: { in: ids } } })) === ids.length);
    expect(await db().event.count({ where: { eventType: 'card_transaction', externalId: { in: ids } } })).toBe(ids.length);
    // Nothing of a rejected message is stored, not even its valid records.
    expect(await db().event.count({ where: { eventType: 'card_transaction', externalId: { in: [live[5].trans_num, live[10].trans_num, live[11].trans_num] } } })).toBe(0);

    const letters = await db().deadLetter.findMany({ where: { source }, orderBy: { createdAt: 'asc' } });
    const bySeq = new Map(letters.map((l) => [l.reference, l]));
    expect(bySeq.get(String(nul.seq))).toMatchObject({ reason: expect.stringMatching(/record 0, merchant: Control characters/) });
    expect(bySeq.get(String(nul.seq))!.payload).toContain('fraud_\\u0000Kirlin');
    expect(bySeq.get(String(notJson.seq))).toMatchObject({ payload: 'not json at all', reason: expect.stringMatching(/not JSON/) });
    expect(bySeq.get(String(badUtf8.seq))?.reason).toMatch(/not UTF-8/);
    expect(bySeq.get(String(invalid.seq))?.reason).toMatch(/1 of 2 transactions are invalid \(record 1, amt: amt cannot be negative/);
    const big = bySeq.get(String(huge.seq))!;
    expect(big.payload.length).toBeLessThan(4_200);
    expect(big.payload).toMatch(/… \(20,000 characters in all\)$/);
  });

  it('lists dead letters for engineers and admins only', async () => {
    const list = (role: 'engineer' | 'admin' | 'analyst' | 'viewer', query = '') => tokenFor(role).then((token) => deadLettersRoute.GET(request('GET', `/api/dead-letters${query}`, { token }), params({})));
    const res = await list('engineer', '?limit=2');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.deadLetters).toHaveLength(2);
    expect(body.deadLetters[0]).toMatchObject({ source: expect.any(String), reason: expect.any(String), payload: expect.any(String), createdAt: expect.any(String) });
    const next = await (await list('admin', `?limit=2&cursor=${body.nextCursor}`)).json();
    expect(next.deadLetters[0].id).not.toBe(body.deadLetters[0].id);
    expect((await list('analyst')).status).toBe(403);
    expect((await list('viewer')).status).toBe(403);
    expect((await list('admin', '?cursor=a%00b')).status).toBe(400);
  });
});
