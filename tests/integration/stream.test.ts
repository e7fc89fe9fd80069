// NATS JetStream on 127.0.0.1:4222: published transactions are consumed, scored and stored.
import { connect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTransactions } from '@/lib/demo';
import type { Row } from '@/lib/ml/features';
import { trainModel } from '@/lib/ml/model';
import { db } from '@/lib/server/platform/db';
import { registerVersion, setStage } from '@/lib/server/registry/models';
import { resetScoringCache } from '@/lib/server/decisions/scoring';
import { startStreamConsumer } from '@/lib/server/platform/stream';
import { unique, closeTestStream } from './helpers';

const NATS_URL = process.env.VIGIL_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const suffix = unique('t').replace(/\W/g, '_');
const options = { url: NATS_URL, stream: `VIGIL_TEST_${suffix}`, subject: `vigil.test.${suffix}`, durable: `vigil-test-${suffix}` };
let nc: NatsConnection;
let consumer: { stop(): Promise<void> };
const now = Math.floor(Date.now() / 1000);
const live = generateTransactions({ cards: 20, days: 1, seed: 41, start: (now - 2 * 86_400) * 1000, fraudRate: 0.1 });

beforeAll(async () => {
  const trained = await trainModel({ kind: 'transaction', rows: generateTransactions({ cards: 60, days: 10, seed: 40, fraudRate: 0.05 }) as unknown as Row[], labelColumn: 'is_fraud', algorithm: 'gbdt', params: { rounds: 20 } });
  const v = await registerVersion({ trained, modelName: unique('tx-stream') });
  await setStage(v.id, 'production', 'stream test', null);
  resetScoringCache();
  nc = await connect({ servers: NATS_URL });
  consumer = await startStreamConsumer(options);
});

afterAll(() => closeTestStream(nc, consumer, options.stream));

describe('JetStream ingestion', () => {
  it('scores and stores published transactions, and terminates a bad message without blocking the rest', async () => {
    const js = nc.jetstream();
    const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    const single = live.slice(0, 10);
    for (const t of single) await js.publish(options.subject, enc(t));
    await js.publish(options.subject, enc({ transactions: live.slice(10, 40) }));
    await js.publish(options.subject, enc({ ...live[40], amt: -1 }));
    await js.publish(options.subject, new TextEncoder().encode('not json'));
    const ids = live.slice(0, 40).map((t) => t.trans_num);
    for (const until = Date.now() + 30_000; Date.now() < until; ) {
      if ((await db().event.count({ where: { eventType: 'card_transaction', externalId: { in: ids } } })) === 40) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const stored = await db().event.findMany({ where: { eventType: 'card_transaction', externalId: { in: ids } }, select: { score: true, decision: true } });
    expect(stored).toHaveLength(40);
    for (const s of stored) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(['allow', 'review', 'block']).toContain(s.decision);
    }
    expect(await db().event.count({ where: { eventType: 'card_transaction', externalId: live[40].trans_num } })).toBe(0);
  });
});
