// The jobs table is the queue: lease, heartbeat, attempts, progress. A worker that dies loses its
// lease; the job is then retried, or failed with the reason once attempts run out. Never silently lost.
import type { Job } from '@/lib/generated/sqlite/client';
import type { JobResult, JobView } from '@/lib/schemas/responses/jobs';
import type { Served } from '@/lib/schemas/responses/served';
import { db } from './db';
import { dbProvider } from './env';
import { conflict, notFound } from './http';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type { Job };

export interface EnqueueOptions { maxAttempts?: number; createdById?: string | null; runAfter?: Date }

export async function enqueueJob(type: string, payload: unknown, opts: EnqueueOptions = {}): Promise<Job> {
  return db().job.create({
    data: {
      type,
      payload: payload as never,
      maxAttempts: opts.maxAttempts ?? 3,
      createdById: opts.createdById ?? null,
      runAfter: opts.runAfter ?? new Date(),
    },
  });
}

export const getJob = (id: string) => db().job.findUnique({ where: { id } });

/** Claims the oldest runnable job for `workerId`, or returns null. Safe with many workers on either database. */
export async function claimJob(workerId: string, leaseMs: number, types?: string[]): Promise<Job | null> {
  const now = new Date();
  const lease = { status: 'running', leaseOwner: workerId, leaseExpiresAt: new Date(now.getTime() + leaseMs), attempts: { increment: 1 }, startedAt: now };
  if (dbProvider() === 'postgres') {
    // The row lock from FOR UPDATE SKIP LOCKED lasts until the transaction ends, so concurrent workers skip it.
    return db().$transaction(async (tx) => {
      const typeFilter = types?.length ? `AND "type" = ANY($2::text[])` : '';
      const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
        `SELECT id FROM "Job" WHERE status = 'queued' AND "runAfter" <= $1 ${typeFilter} ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`,
        ...(types?.length ? [now, types] : [now]),
      );
      return rows.length ? tx.job.update({ where: { id: rows[0].id }, data: lease }) : null;
    });
  }
  // SQLite: a conditional UPDATE on status; one writer wins, the others see count 0 and try the next.
  // Each lost race means another worker took a job, so this loop ends within the queue's length.
  for (;;) {
    const candidate = await db().job.findFirst({
      where: { status: 'queued', runAfter: { lte: now }, ...(types?.length ? { type: { in: types } } : {}) },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
    });
    if (!candidate) return null;
    const { count } = await db().job.updateMany({ where: { id: candidate.id, status: 'queued' }, data: lease });
    if (count === 1) return db().job.findUnique({ where: { id: candidate.id } });
  }
}

/** Extends the lease and records progress. Returns false when the lease is no longer ours. */
export async function heartbeat(jobId: string, workerId: string, leaseMs: number, progress?: { progress?: number; message?: string }): Promise<{ owned: boolean; cancelRequested: boolean }> {
  const { count } = await db().job.updateMany({
    where: { id: jobId, leaseOwner: workerId, status: 'running' },
    data: { leaseExpiresAt: new Date(Date.now() + leaseMs), ...(progress ?? {}) },
  });
  if (count === 0) return { owned: false, cancelRequested: false };
  const job = await db().job.findUnique({ where: { id: jobId }, select: { cancelRequested: true } });
  return { owned: true, cancelRequested: job?.cancelRequested ?? false };
}

export async function completeJob(jobId: string, workerId: string, result: unknown): Promise<boolean> {
  const { count } = await db().job.updateMany({
    where: { id: jobId, leaseOwner: workerId, status: 'running' },
    data: { status: 'succeeded', progress: 1, result: (result ?? null) as never, leaseOwner: null, leaseExpiresAt: null, finishedAt: new Date() },
  });
  return count === 1;
}

/** Retries with exponential backoff while attempts remain; otherwise fails for good with the reason. */
export async function failJob(jobId: string, workerId: string, reason: string, retryable = true): Promise<JobStatus> {
  const job = await db().job.findUnique({ where: { id: jobId } });
  if (!job) return 'failed';
  const retry = retryable && job.attempts < job.maxAttempts;
  await db().job.updateMany({
    where: { id: jobId, leaseOwner: workerId, status: 'running' },
    data: retry
      ? { status: 'queued', message: `Attempt ${job.attempts} failed: ${reason}; retrying`, leaseOwner: null, leaseExpiresAt: null, runAfter: new Date(Date.now() + backoffMs(job.attempts)) }
      : { status: 'failed', error: reason, leaseOwner: null, leaseExpiresAt: null, finishedAt: new Date() },
  });
  return retry ? 'queued' : 'failed';
}

export const backoffMs = (attempt: number) => Math.min(60_000, 1_000 * 2 ** (attempt - 1));

/** Hands back a job the worker is abandoning on shutdown, without charging an attempt. */
export async function releaseJob(jobId: string, workerId: string): Promise<void> {
  await db().job.updateMany({
    where: { id: jobId, leaseOwner: workerId, status: 'running' },
    data: { status: 'queued', leaseOwner: null, leaseExpiresAt: null, attempts: { decrement: 1 }, message: 'Worker stopped; job returned to the queue' },
  });
}

/** Re-queues or fails jobs whose worker stopped heartbeating. Returns how many were recovered. */
export async function recoverExpiredLeases(now = new Date()): Promise<number> {
  const expired = await db().job.findMany({ where: { status: 'running', leaseExpiresAt: { lt: now } } });
  let recovered = 0;
  for (const job of expired) {
    const retry = job.attempts < job.maxAttempts;
    const reason = `Worker ${job.leaseOwner ?? '?'} stopped responding (lease expired)`;
    const { count } = await db().job.updateMany({
      where: { id: job.id, status: 'running', leaseOwner: job.leaseOwner, leaseExpiresAt: { lt: now } },
      data: retry
        ? { status: 'queued', leaseOwner: null, leaseExpiresAt: null, message: `${reason}; retrying (attempt ${job.attempts} of ${job.maxAttempts})` }
        : { status: 'failed', leaseOwner: null, leaseExpiresAt: null, finishedAt: now, error: `${reason} on all ${job.maxAttempts} attempts` },
    });
    recovered += count;
  }
  return recovered;
}

export async function cancelJob(id: string): Promise<Job> {
  const job = await getJob(id);
  if (!job) throw notFound('Job');
  if (job.status === 'queued') {
    await db().job.updateMany({ where: { id, status: 'queued' }, data: { status: 'cancelled', finishedAt: new Date(), message: 'Cancelled before it started' } });
  } else if (job.status === 'running') {
    await db().job.update({ where: { id }, data: { cancelRequested: true, message: 'Cancellation requested' } });
  } else {
    throw conflict(`Job is already ${job.status}.`);
  }
  return (await getJob(id))!;
}

/** A job as the API answers it (lib/schemas/responses/jobs): status and result are written only by this code, in that shape. */
/** The payload as answered: the worker needs who asked (training records it), readers of the job do not see them. */
function payloadView(payload: Job['payload']): Job['payload'] {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload) || !('actor' in payload)) return payload;
  const { actor: _actor, ...rest } = payload;
  return rest;
}

export const jobView = (job: Job): Served<typeof JobView> => ({ ...job, payload: payloadView(job.payload), status: job.status as JobStatus, result: job.result as JobResult | null });
