// The worker side of training: a child process per job (never the web's event loop), progress relayed
// to the job row, the result registered as a candidate version. Only the worker imports this module.
import { fork } from 'node:child_process';
import path from 'node:path';
import type { TrainedModel } from '@/lib/ml/model';
import { TrainRequest } from '@/lib/schemas/training';
import { raiseAlerts } from '../alerts/alerts';
import { childLogger } from '../platform/logger';
import { registerVersion } from './models';
import type { TrainJobPayload } from './training';
import type { JobHandler } from '../platform/worker';
import { PermanentJobError } from '../platform/worker';

const log = childLogger('training');

type ChildMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'stage'; message: string }
  | { type: 'result'; model: TrainedModel; evalSetKey: string }
  | { type: 'error'; message: string; permanent: boolean };

const fmtSeconds = (ms: number) => (ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

export const trainJob: JobHandler = async (job, ctx) => {
  const parsed = TrainRequest.safeParse((job.payload as { request?: unknown })?.request);
  if (!parsed.success) throw new PermanentJobError(`Invalid training request: ${parsed.error.issues[0]?.message}`);
  const { actor = null, eventType } = job.payload as unknown as TrainJobPayload;
  const payload: TrainJobPayload = { request: parsed.data, actor, ...(eventType ? { eventType } : {}) };
  const started = Date.now();
  const logLines: string[] = [];
  const note = (line: string) => logLines.push(`${new Date().toISOString()} ${line}`);

  const child = fork(path.resolve('scripts/train-child.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: process.env });
  ctx.signal.addEventListener('abort', () => child.kill('SIGKILL'), { once: true });
  let lastReport = 0;

  const result = await new Promise<Extract<ChildMessage, { type: 'result' }>>((resolve, reject) => {
    child.on('message', (msg: ChildMessage) => {
      if (msg.type === 'stage') {
        note(msg.message);
        void ctx.progress(0.02, msg.message).catch(() => child.kill('SIGKILL'));
      } else if (msg.type === 'progress' && Date.now() - lastReport > 400) {
        lastReport = Date.now();
        const elapsed = Date.now() - started;
        const fraction = msg.total ? msg.done / msg.total : 0;
        // The first rounds include warm-up: guess the rest only once there is enough progress to extrapolate from.
        const eta = fraction >= 0.1 && elapsed >= 3_000 ? ` · about ${fmtSeconds((elapsed / fraction) * (1 - fraction))} left` : '';
        void ctx.progress(0.05 + 0.9 * fraction, `${msg.done} of ${msg.total} done · ${fmtSeconds(elapsed)} elapsed${eta}`).catch(() => child.kill('SIGKILL'));
      } else if (msg.type === 'result') {
        resolve(msg);
      } else if (msg.type === 'error') {
        reject(msg.permanent ? new PermanentJobError(msg.message) : new Error(msg.message));
      }
    });
    child.once('exit', (code, signal) => reject(new Error(ctx.signal.aborted ? 'Training stopped' : `Training process exited (${signal ?? code})`)));
    child.send(payload);
  });
  child.kill();
  note(`trained in ${fmtSeconds(Date.now() - started)}`);

  // One duration per run, everywhere it is shown: the job's wall time (data loading and featurising included).
  const durationMs = Date.now() - started;
  const version = await registerVersion({
    trained: result.model,
    trainingMs: durationMs,
    modelName: parsed.data.modelName ?? `${eventType?.name ?? result.model.kind}-${parsed.data.algorithm}`,
    datasetVersionId: parsed.data.datasetVersionId,
    actor: payload.actor,
    jobId: job.id,
    evalSetKey: result.evalSetKey,
    log: logLines,
    eventType: eventType ?? null,
  });
  log.info({ jobId: job.id, versionId: version.id, ms: durationMs }, 'model trained');
  if ((job.payload as unknown as TrainJobPayload).trigger === 'retrain') {
    await raiseAlerts([{ type: 'performance', severity: 'info', title: `Retrained ${version.kind} candidate v${version.version} is ready: compare it with production before promoting.`, payload: { modelVersionId: version.id } }]);
  }
  return { modelVersionId: version.id, modelId: version.modelId, version: version.version, metrics: { rocAuc: result.model.metrics.rocAuc, averagePrecision: result.model.metrics.averagePrecision }, durationMs };
};

