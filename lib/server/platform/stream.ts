// Optional streaming ingestion: NATS JetStream durable consumers in the worker, feeding the same ingestion
// services as the API. Enabled by VIGIL_NATS_URL. A message holds one record or { <noun>: [...] } (a Sparkov
// transaction on vigil.transactions, events of type T on vigil.events.T). A message that can never be ingested
// is terminated and kept in the dead-letter table with the reason; the valid messages beside it are stored.
import { AckPolicy, connect, type JsMsg, type NatsConnection } from 'nats';
import { MAX_BATCH } from '@/lib/schemas/scoring';
import { ApiError } from './http';
import { childLogger } from './logger';
import { recordDeadLetter } from './dead-letters';
import { ingestTransactions, validateTransactions } from '../compat/transactions';

const log = childLogger('stream');

/** Deliveries before JetStream gives up on a message; the last one is dead-lettered rather than dropped. */
export const MAX_DELIVER = 10;
const REDELIVER_DELAY_MS = 5_000;

/** Where a subject's records go: how to check them and how to store them. */
export interface StreamSink {
  /** Plural noun of the records and the key of a batch message: 'transactions', 'events'. */
  noun: string;
  /** Why these records can never be ingested (written for whoever reads the dead letters), or null. */
  problem(items: unknown[]): Promise<string | null>;
  ingest(items: unknown[]): Promise<{ stored: number }>;
}

export interface StreamOptions {
  url: string; stream: string; subject: string; durable: string; batch?: number;
  /** The sink of a message's concrete subject; Sparkov transactions when omitted. */
  sinkFor?: (subject: string) => StreamSink;
}

/** Why records break their contract, in one line naming at most three fields. */
export function describeRecordErrors(errors: { index: number; fields: Record<string, string[]> }[], total: number, noun: string): string {
  const details = errors.slice(0, 3).flatMap((e) => Object.entries(e.fields).slice(0, 2).map(([field, msgs]) => `record ${e.index}, ${field || 'record'}: ${msgs[0]}`));
  return `${errors.length} of ${total} ${noun} are invalid (${details.join('; ')}${errors.length > 3 ? '; …' : ''}).`;
}

/** Sparkov transactions, as POST /api/transactions takes them. */
export const TRANSACTION_SINK: StreamSink = {
  noun: 'transactions',
  async problem(items) {
    const { errors } = validateTransactions(items);
    if (!errors.length) return null;
    return describeRecordErrors(errors, items.length, 'transactions');
  },
  ingest: (items) => ingestTransactions(items, null),
};

export async function ensureStream(nc: NatsConnection, o: StreamOptions) {
  const jsm = await nc.jetstreamManager();
  const info = await jsm.streams.info(o.stream).catch(() => null);
  if (!info) await jsm.streams.add({ name: o.stream, subjects: [o.subject] });
  // One stream carries every subject Vigil consumes: add a consumer's subject to a stream made before it.
  else if (!info.config.subjects?.includes(o.subject)) await jsm.streams.update(o.stream, { ...info.config, subjects: [...(info.config.subjects ?? []), o.subject] });
  const existing = await jsm.consumers.info(o.stream, o.durable).catch(() => null);
  if (!existing) {
    await jsm.consumers.add(o.stream, { durable_name: o.durable, ack_policy: AckPolicy.Explicit, filter_subject: o.subject, max_deliver: MAX_DELIVER });
  } else if (existing.config.max_deliver !== MAX_DELIVER) {
    // Consumers created before the bound redelivered a poisoned message forever.
    await jsm.consumers.update(o.stream, o.durable, { max_deliver: MAX_DELIVER });
  }
}

class Unusable extends Error {}

/** The message's records, or Unusable with a reason written for whoever reads the dead-letter list. */
async function recordsOf(msg: JsMsg, sink: StreamSink): Promise<unknown[]> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(msg.data);
  } catch {
    throw new Unusable('The message is not UTF-8 text.');
  }
  const noun = sink.noun, one = noun.replace(/s$/, '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Unusable(`The message is not JSON: send one ${one} object or {"${noun}": [...]}.`);
  }
  const list = body && typeof body === 'object' ? (body as Record<string, unknown>)[noun] : undefined;
  const items = Array.isArray(list) ? list : [body];
  if (!items.length) throw new Unusable(`The message holds no ${noun}.`);
  if (items.length > MAX_BATCH) throw new Unusable(`The message holds ${items.length} ${noun}; at most ${MAX_BATCH} are accepted per message.`);
  const problem = await sink.problem(items);
  if (problem) throw new Unusable(problem);
  return items;
}

/** Terminates the message after storing why; if even that fails the message is redelivered later. */
async function deadLetter(msg: JsMsg, reason: string): Promise<boolean> {
  try {
    await recordDeadLetter({ source: `nats:${msg.subject}`, reference: String(msg.seq), payload: new TextDecoder().decode(msg.data), reason });
  } catch (err) {
    log.error({ err, seq: msg.seq }, 'could not store a dead letter; the message will be redelivered');
    msg.nak(REDELIVER_DELAY_MS);
    return false;
  }
  log.warn({ seq: msg.seq, subject: msg.subject, reason }, 'message dead-lettered and terminated');
  msg.term();
  return true;
}

/** A database problem: redeliver later, or on the last allowed delivery keep the message as a dead letter. */
async function retryLater(msg: JsMsg, err: unknown): Promise<boolean> {
  if (msg.info.redeliveryCount >= MAX_DELIVER) {
    const what = err instanceof ApiError ? err.message : 'a database error';
    return deadLetter(msg, `Could not be stored after ${MAX_DELIVER} deliveries (last error: ${what}).`);
  }
  msg.nak(REDELIVER_DELAY_MS);
  return false;
}

/** Ingests one fetched batch, subject by subject (each subject has one sink). */
export async function ingestMessages(msgs: JsMsg[], sinkFor: (subject: string) => StreamSink = () => TRANSACTION_SINK): Promise<{ stored: number; rejected: number }> {
  const bySubject = new Map<string, JsMsg[]>();
  for (const m of msgs) bySubject.set(m.subject, [...(bySubject.get(m.subject) ?? []), m]);
  let stored = 0, rejected = 0;
  for (const [subject, group] of bySubject) {
    const r = await ingestGroup(group, sinkFor(subject));
    stored += r.stored;
    rejected += r.rejected;
  }
  return { stored, rejected };
}

/** The valid messages together, falling back to one by one, so no message can hold back the rest. */
async function ingestGroup(msgs: JsMsg[], sink: StreamSink): Promise<{ stored: number; rejected: number }> {
  const good: { msg: JsMsg; items: unknown[] }[] = [];
  let rejected = 0;
  for (const msg of msgs) {
    try {
      good.push({ msg, items: await recordsOf(msg, sink) });
    } catch (err) {
      if (!(err instanceof Unusable)) throw err;
      if (await deadLetter(msg, err.message)) rejected++;
    }
  }
  if (!good.length) return { stored: 0, rejected };
  try {
    const summary = await sink.ingest(good.flatMap((p) => p.items));
    for (const p of good) p.msg.ack();
    return { stored: summary.stored, rejected };
  } catch (err) {
    // A 4xx here means messages conflict with each other (an id in two of them): go one by one.
    if (err instanceof ApiError && err.status < 500) log.info({ code: err.code }, 'batch refused as a whole; ingesting message by message');
    else log.warn({ err }, 'batch could not be stored; ingesting message by message');
  }
  let stored = 0;
  for (const p of good) {
    try {
      stored += (await sink.ingest(p.items)).stored;
      p.msg.ack();
    } catch (err) {
      if (err instanceof ApiError && err.status < 500 && err.code !== 'conflict') {
        if (await deadLetter(p.msg, err.message)) rejected++;
      } else if (await retryLater(p.msg, err)) rejected++;
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
          const r = await ingestMessages(msgs, o.sinkFor);
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
