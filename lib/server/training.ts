// Training jobs: the API enqueues, the worker trains in a child process (never on the web's event loop),
// relays progress, and registers the result as a candidate version.
import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { TrainRequest } from '@/lib/schemas/training';
import { db } from './db';
import { ApiError, notFound } from './http';
import { enqueueJob } from './jobs';
import { childLogger } from './logger';
import { registerVersion } from './models';
import type { Principal } from './principal';
import type { JobHandler } from './worker';
import { PermanentJobError } from './worker';

const log = childLogger('training');
export const REFERENCE_ROW_LIMIT = 10_000;

export interface TrainJobPayload { request: TrainRequest; actor: Principal | null; compat?: Record<string, unknown> }

/** Checks what can be checked before queueing (dataset exists, row limits), then enqueues the job. */
export async function createTrainingJob(request: TrainRequest, actor: Principal | null, compat?: Record<string, unknown>) {
  const version = await db().datasetVersion.findUnique({ where: { id: request.datasetVersionId }, include: { dataset: true } });
  if (!version) throw new ApiError(404, 'not_found', 'Dataset version not found.');
  if (request.kind && request.kind !== version.dataset.kind) {
    throw new ApiError(422, 'kind_mismatch', `Dataset "${version.dataset.name}" is ${version.dataset.kind} data; it cannot train a ${request.kind} model.`);
  }
  if (request.algorithm === 'ml-random-forest' && version.rowCount > REFERENCE_ROW_LIMIT) {
    throw new ApiError(422, 'too_many_rows', `ml-random-forest is limited to ${REFERENCE_ROW_LIMIT.toLocaleString('en-US')} rows (this version has ${version.rowCount.toLocaleString('en-US')}); use gbdt or forest.`);
  }
  const payload: TrainJobPayload = { request: { ...request, kind: version.dataset.kind as TrainRequest['kind'] }, actor, ...(compat ? { compat } : {}) };
  return enqueueJob('train', payload, { maxAttempts: 2, createdById: actor?.id ?? null });
}

export async function getTrainingJob(id: string) {
  const job = await db().job.findUnique({ where: { id } });
  if (!job || job.type !== 'train') throw notFound('Training job');
  return job;
}

type ChildMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'stage'; message: string }
  | { type: 'result'; model: import('@/lib/ml/model').TrainedModel; evalSetKey: string }
  | { type: 'error'; message: string; permanent: boolean };

const fmtSeconds = (ms: number) => (ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

export const trainJob: JobHandler = async (job, ctx) => {
  const parsed = TrainRequest.safeParse((job.payload as { request?: unknown })?.request);
  if (!parsed.success) throw new PermanentJobError(`Invalid training request: ${parsed.error.issues[0]?.message}`);
  const payload = { request: parsed.data, actor: (job.payload as unknown as TrainJobPayload).actor ?? null };
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
        const eta = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : 0;
        void ctx.progress(0.05 + 0.9 * fraction, `${msg.done} of ${msg.total} done · ${fmtSeconds(elapsed)} elapsed · about ${fmtSeconds(eta)} left`).catch(() => child.kill('SIGKILL'));
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

  const version = await registerVersion({
    trained: result.model,
    modelName: parsed.data.modelName ?? `${result.model.kind}-${parsed.data.algorithm}`,
    datasetVersionId: parsed.data.datasetVersionId,
    actor: payload.actor,
    jobId: job.id,
    evalSetKey: result.evalSetKey,
    log: logLines,
  });
  log.info({ jobId: job.id, versionId: version.id, ms: Date.now() - started }, 'model trained');
  return { modelVersionId: version.id, modelId: version.modelId, version: version.version, metrics: { rocAuc: result.model.metrics.rocAuc, averagePrecision: result.model.metrics.averagePrecision }, durationMs: Date.now() - started };
};

/** Identity of an evaluation set: same dataset version, split and seed → same rows. */
export const evalSetKey = (r: TrainRequest) => crypto.createHash('sha256').update(JSON.stringify([r.datasetVersionId, r.validFraction, r.timestampColumn ?? null, r.seed])).digest('hex').slice(0, 16);
