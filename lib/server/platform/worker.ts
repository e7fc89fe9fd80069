// The worker process: leases jobs, runs their handler with a heartbeat, and reports liveness.
import os from 'node:os';
import crypto from 'node:crypto';
import type { Job } from './jobs';
import { claimJob, completeJob, failJob, heartbeat, recoverExpiredLeases, releaseJob } from './jobs';
import { db } from './db';
import { env } from './env';
import { childLogger } from './logger';
import { runSchedules } from './schedule';

const log = childLogger('worker');

export interface JobContext {
  /** Records progress (0..1) and a message; throws JobCancelled when the job was cancelled. */
  progress(fraction: number, message?: string): Promise<void>;
  signal: AbortSignal;
}
export type JobHandler = (job: Job, ctx: JobContext) => Promise<unknown>;

export class JobCancelled extends Error {}
/** Thrown by a handler for failures a retry cannot fix (bad input). */
export class PermanentJobError extends Error {}

export interface WorkerOptions {
  handlers: Record<string, JobHandler>;
  /** Called once when a job fails for good (no retries left, or a permanent error). */
  onFailed?: (job: Job, reason: string) => Promise<void>;
  leaseMs?: number;
  pollMs?: number;
  id?: string;
}

export function createWorker(opts: WorkerOptions) {
  const id = opts.id ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const leaseMs = opts.leaseMs ?? env().VIGIL_JOB_LEASE_MS;
  const pollMs = opts.pollMs ?? env().VIGIL_WORKER_POLL_MS;
  let stopping = false;
  let current: { job: Job; abort: AbortController } | null = null;
  let wake: (() => void) | null = null;

  async function beat() {
    await db().workerHeartbeat.upsert({
      where: { id },
      create: { id, pid: process.pid, host: os.hostname() },
      update: { seenAt: new Date() },
    });
  }

  async function runOne(job: Job) {
    const abort = new AbortController();
    current = { job, abort };
    let lost = false;
    let cancelled = false;
    const tick = async (progress?: { progress?: number; message?: string }) => {
      const state = await heartbeat(job.id, id, leaseMs, progress);
      if (!state.owned) { lost = true; abort.abort(); }
      if (state.cancelRequested) { cancelled = true; abort.abort(); }
    };
    const timer = setInterval(() => void tick().catch((err) => log.warn({ err }, 'heartbeat failed')), Math.max(200, leaseMs / 3));
    const ctx: JobContext = {
      signal: abort.signal,
      async progress(fraction, message) {
        await tick({ progress: Math.max(0, Math.min(1, fraction)), ...(message ? { message } : {}) });
        if (cancelled) throw new JobCancelled('Cancelled by request');
        if (lost) throw new Error('Lease lost');
      },
    };
    const started = Date.now();
    try {
      const handler = opts.handlers[job.type];
      if (!handler) throw new PermanentJobError(`No handler for job type "${job.type}"`);
      const result = await handler(job, ctx);
      if (cancelled) throw new JobCancelled('Cancelled by request');
      await completeJob(job.id, id, result);
      log.info({ jobId: job.id, type: job.type, ms: Date.now() - started }, 'job succeeded');
    } catch (err) {
      if (stopping && !cancelled) {
        await releaseJob(job.id, id);
      } else if (cancelled || err instanceof JobCancelled) {
        await db().job.updateMany({ where: { id: job.id, leaseOwner: id }, data: { status: 'cancelled', leaseOwner: null, leaseExpiresAt: null, finishedAt: new Date(), message: 'Cancelled' } });
      } else if (!lost) {
        const reason = err instanceof Error ? err.message : String(err);
        const status = await failJob(job.id, id, reason, !(err instanceof PermanentJobError));
        log.warn({ jobId: job.id, type: job.type, reason, status }, 'job failed');
        if (status === 'failed') await opts.onFailed?.(job, reason).catch((e) => log.error({ err: e }, 'onFailed hook failed'));
      }
    } finally {
      clearInterval(timer);
      current = null;
    }
  }

  async function loop() {
    await beat();
    let lastBeat = Date.now();
    while (!stopping) {
      try {
        if (Date.now() - lastBeat > 5_000) { await beat(); lastBeat = Date.now(); }
        await recoverExpiredLeases();
        // Periodic jobs (drift snapshots); a failure here must never stop the worker from claiming jobs.
        try { await runSchedules(); } catch (err) { log.warn({ err }, 'schedules failed'); }
        const job = await claimJob(id, leaseMs, Object.keys(opts.handlers));
        if (job) { await runOne(job); continue; }
      } catch (err) {
        log.error({ err }, 'worker loop error');
      }
      await new Promise<void>((resolve) => { wake = resolve; setTimeout(resolve, pollMs); });
    }
    await db().workerHeartbeat.deleteMany({ where: { id } }).catch(() => undefined);
  }

  let running: Promise<void> | null = null;
  return {
    id,
    start() { running ??= loop(); return running; },
    /** Stops claiming; a running job is aborted and handed back to the queue. */
    async stop() {
      stopping = true;
      current?.abort.abort();
      wake?.();
      await running;
    },
  };
}

/** True when some worker has reported in within the last `withinMs`. */
export async function workerAlive(withinMs = 20_000): Promise<{ alive: boolean; lastSeen: Date | null }> {
  const latest = await db().workerHeartbeat.findFirst({ orderBy: { seenAt: 'desc' } });
  return { alive: !!latest && Date.now() - latest.seenAt.getTime() < withinMs, lastSeen: latest?.seenAt ?? null };
}
