// npm run worker: leases and runs jobs until SIGINT/SIGTERM.
import { alertOnJobFailure } from '@/lib/server/job-alerts';
import { JOB_HANDLERS } from '@/lib/server/job-handlers';
import { childLogger } from '@/lib/server/logger';
import { createWorker } from '@/lib/server/worker';

const log = childLogger('worker');
const worker = createWorker({ handlers: JOB_HANDLERS, onFailed: alertOnJobFailure });
log.info({ id: worker.id, types: Object.keys(JOB_HANDLERS) }, 'worker started');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker stopping');
    void worker.stop().then(() => process.exit(0));
  });
}
worker.start().catch((err) => {
  log.fatal({ err }, 'worker crashed');
  process.exit(1);
});
