// npm run worker: leases and runs jobs (and, with VIGIL_NATS_URL, consumes the transaction and event subjects)
// until SIGINT/SIGTERM.
import { configureDb, WORKER_SQLITE_BUSY_TIMEOUT_MS } from '@/lib/server/platform/db';
import { env } from '@/lib/server/platform/env';
import { alertOnJobFailure } from '@/lib/server/alerts/job-alerts';
import { JOB_HANDLERS } from '@/scripts/job-handlers';
import { childLogger } from '@/lib/server/platform/logger';
import { eventSinkFor } from '@/lib/server/events/stream-sink';
import { startStreamConsumer, type StreamOptions } from '@/lib/server/platform/stream';
import { createWorker } from '@/lib/server/platform/worker';

// The worker may wait for a lock; the web process must not (it answers 503 instead).
configureDb({ sqliteBusyTimeoutMs: WORKER_SQLITE_BUSY_TIMEOUT_MS });
const log = childLogger('worker');
const worker = createWorker({ handlers: JOB_HANDLERS, onFailed: alertOnJobFailure });
log.info({ id: worker.id, types: Object.keys(JOB_HANDLERS) }, 'worker started');

const { VIGIL_NATS_URL, VIGIL_NATS_STREAM, VIGIL_NATS_SUBJECT, VIGIL_NATS_EVENTS_PREFIX } = env();
const consume = (o: Omit<StreamOptions, 'url' | 'stream'>) =>
  VIGIL_NATS_URL
    ? startStreamConsumer({ url: VIGIL_NATS_URL, stream: VIGIL_NATS_STREAM, ...o }).catch((err) => {
        log.error({ err, subject: o.subject }, 'stream consumer could not start; jobs still run');
        return null;
      })
    : Promise.resolve(null);
// Transactions first: both consumers may create the stream, and the second adds its subject to it.
const transactions = consume({ subject: VIGIL_NATS_SUBJECT, durable: 'vigil-ingest' });
const stream = transactions.then(async (tx) => {
  const events = await consume({ subject: `${VIGIL_NATS_EVENTS_PREFIX}.>`, durable: 'vigil-events', sinkFor: eventSinkFor(VIGIL_NATS_EVENTS_PREFIX) });
  return { stop: () => Promise.all([tx?.stop(), events?.stop()]) };
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker stopping');
    void Promise.all([worker.stop(), stream.then((s) => s?.stop())]).then(() => process.exit(0));
  });
}
worker.start().catch((err) => {
  log.fatal({ err }, 'worker crashed');
  process.exit(1);
});
