// Training requests: checked and queued here (web side); lib/server/registry/training-job.ts trains them in the worker.
import crypto from 'node:crypto';
import type { TrainRequest } from '@/lib/schemas/training';
import { db } from '../platform/db';
import { ApiError, notFound } from '../platform/http';
import { enqueueJob } from '../platform/jobs';
import type { Principal } from '../access/principal';

export const REFERENCE_ROW_LIMIT = 10_000;

/** eventType: set when the dataset version holds events of a type (the model trains kind 'event' with that definition). */
export interface TrainJobPayload { request: TrainRequest; actor: Principal | null; compat?: Record<string, unknown>; trigger?: 'retrain'; eventType?: { name: string; version: number } }

/** Checks what can be checked before queueing (dataset exists, row limits), then enqueues the job. */
export async function createTrainingJob(request: TrainRequest, actor: Principal | null, compat?: Record<string, unknown>, trigger?: 'retrain') {
  const version = await db().datasetVersion.findUnique({ where: { id: request.datasetVersionId }, include: { dataset: true } });
  if (!version) throw new ApiError(404, 'not_found', 'Dataset version not found.');
  if (request.kind && request.kind !== version.dataset.kind) {
    throw new ApiError(422, 'kind_mismatch', `Dataset "${version.dataset.name}" is ${version.dataset.kind} data; it cannot train a ${request.kind} model.`);
  }
  if (request.algorithm === 'ml-random-forest' && version.rowCount > REFERENCE_ROW_LIMIT) {
    throw new ApiError(422, 'too_many_rows', `ml-random-forest is limited to ${REFERENCE_ROW_LIMIT.toLocaleString('en-US')} rows (this version has ${version.rowCount.toLocaleString('en-US')}); use gbdt or forest.`);
  }
  const eventType = version.eventType && version.eventTypeVersion !== null ? { name: version.eventType, version: version.eventTypeVersion } : undefined;
  // Event datasets carry their kind in eventType; TrainRequest.kind names only the built-in kinds.
  const kind = eventType ? undefined : (version.dataset.kind as TrainRequest['kind']);
  const payload: TrainJobPayload = { request: { ...request, kind }, actor, ...(compat ? { compat } : {}), ...(trigger ? { trigger } : {}), ...(eventType ? { eventType } : {}) };
  return enqueueJob('train', payload, { maxAttempts: 2, createdById: actor?.id ?? null });
}

export async function getTrainingJob(id: string) {
  const job = await db().job.findUnique({ where: { id } });
  if (!job || job.type !== 'train') throw notFound('Training job');
  return job;
}

/** Identity of an evaluation set: same dataset version, split and seed → same rows. */
export const evalSetKey = (r: TrainRequest) => crypto.createHash('sha256').update(JSON.stringify([r.datasetVersionId, r.validFraction, r.timestampColumn ?? null, r.seed])).digest('hex').slice(0, 16);
