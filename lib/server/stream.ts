// Optional streaming ingestion: a NATS JetStream durable consumer in the worker, feeding the same
// ingestion service as POST /api/transactions. Enabled by VIGIL_NATS_URL. A message holds one Sparkov
// transaction or { transactions: [...] }; a message that can never be ingested is terminated (not redelivered).
import { AckPolicy, connect, type JsMsg, type NatsConnection } from 'nats';
import { ApiError } from './http';
import { childLogger } from './logger';
import { ingestTransactions } from './transactions';

const log = childLogger('stream');

export interface StreamOptions { url: string; stream: string; subject: string; durable: string; batch?: number }

export async function ensureStream(nc: NatsConnection, o: StreamOptions) {
  const jsm = await nc.jetstreamManager();
  await jsm.streams.info(o.stream).catch(() => jsm.streams.add({ name: o.stream, subjects: [o.subject] }));
  await jsm.consumers.info(o.stream, o.durable).catch(() => jsm.consumers.add(o.stream, { durable_name: o.durable, ack_policy: AckPolicy.Explicit, filter_subject: o.subject }));
}

function records(msg: JsMsg): unknown[] {
  const body = JSON.parse(new TextDecoder().decode(msg.data)) as unknown;
  if (body && typeof body === 'object' && Array.isArray((body as { transactions?: unknown }).transactions)) return (body as { transactions: unknown[] }).transactions;
  return [body];
}

/** Ingests one fetched batch: all together when valid; otherwise message by message, so one bad message cannot hold back the rest. */
export async function ingestMessages(msgs: JsMsg[]): Promise<{ stored: number; rejected: number }> {
  const parsed: { msg: JsMsg; items: unknown[] }[] = [];
  let rejected = 0;
  for (const msg of msgs) {
    try {
      parsed.push({ msg, items: records(msg) });
    } catch {
      log.warn({ seq: msg.seq }, 'message is not JSON; terminated');
      msg.term();
      rejected++;
    }
  }
  try {
    const summary = await ingestTransactions(parsed.flatMap((p) => p.items), null);
    for (const p of parsed) p.msg.ack();
    return { stored: summary.stored, rejected };
  } catch (err) {
    if (!(err instanceof ApiError) || err.status >= 500) throw err; // a database problem: redeliver later
  }
  let stored = 0;
  for (const p of parsed) {
    try {
      stored += (await ingestTransactions(p.items, null)).stored;
      p.msg.ack();
    } catch (err) {
      if (!(err instanceof ApiError)) { p.msg.nak(5_000); continue; }
      log.warn({ seq: p.msg.seq, error: err.message, fields: err.fields }, 'invalid transaction message; terminated');
      p.msg.term();
      rejected++;
    }
  }
  return { stored, rejected };
}

/** Runs until stop() is called. */
export async function startStreamConsumer(o: StreamOptions) {
  const nc = await connect({ servers: o.url, name: 'vigil-worker' });
  await ensureStream(nc, o);
  const consumer = await nc.jetstream().consumers.get(o.stream, o.durable);
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const fetched = await consumer.fetch({ max_messages: o.batch ?? 500, expires: 1_000 });
        const msgs: JsMsg[] = [];
        for await (const m of fetched) msgs.push(m);
        if (msgs.length) {
          const r = await ingestMessages(msgs);
          log.info({ messages: msgs.length, ...r }, 'stream batch ingested');
        }
      } catch (err) {
        log.error({ err }, 'stream consumer error; retrying');
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  })();
  log.info({ url: o.url, stream: o.stream, subject: o.subject }, 'stream consumer started');
  return {
    async stop() {
      stopped = true;
      await loop;
      await nc.drain();
    },
  };
}
