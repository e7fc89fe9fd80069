import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/platform/db';
import { cancelJob, claimJob, completeJob, enqueueJob, failJob, getJob, heartbeat, recoverExpiredLeases } from '@/lib/server/platform/jobs';
import { JOB_HANDLERS } from '@/scripts/job-handlers';
import { createWorker } from '@/lib/server/platform/worker';
import { resetJobs } from './helpers';

const waitFor = async (check: () => Promise<boolean>, ms = 15_000) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
};

describe('job queue', () => {
  beforeEach(resetJobs);

  it('gives each job to exactly one of many concurrent claimers', async () => {
    const ids = new Set((await Promise.all(Array.from({ length: 8 }, () => enqueueJob('demo.sleep', { ms: 0 })))).map((j) => j.id));
    const claims = await Promise.all(Array.from({ length: 16 }, (_, i) => claimJob(`w${i}`, 30_000)));
    const claimed = claims.filter((j) => j !== null).map((j) => j!.id);
    expect(claimed.length).toBe(8);
    expect(new Set(claimed)).toEqual(ids);
    for (const job of claims.filter((j) => j !== null)) {
      expect(job).toMatchObject({ status: 'running', attempts: 1 });
      expect(job!.leaseExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    }
  });

  it('only the lease holder can heartbeat or complete', async () => {
    const job = await enqueueJob('demo.sleep', { ms: 0 });
    await claimJob('owner', 30_000);
    expect((await heartbeat(job.id, 'intruder', 30_000)).owned).toBe(false);
    expect((await heartbeat(job.id, 'owner', 30_000, { progress: 0.5, message: 'half' })).owned).toBe(true);
    expect(await getJob(job.id)).toMatchObject({ progress: 0.5, message: 'half' });
    expect(await completeJob(job.id, 'intruder', {})).toBe(false);
    expect(await completeJob(job.id, 'owner', { ok: true })).toBe(true);
    expect(await getJob(job.id)).toMatchObject({ status: 'succeeded', progress: 1, result: { ok: true } });
  });

  it('retries a job whose lease expired, then fails it with the reason when attempts run out', async () => {
    const job = await enqueueJob('demo.sleep', { ms: 0 }, { maxAttempts: 2 });
    for (const attempt of [1, 2]) {
      const claimed = await claimJob(`dead-${attempt}`, 1);
      expect(claimed?.attempts).toBe(attempt);
      await new Promise((r) => setTimeout(r, 10));
      expect(await recoverExpiredLeases()).toBe(1);
    }
    const final = await getJob(job.id);
    expect(final).toMatchObject({ status: 'failed', leaseOwner: null });
    expect(final!.error).toMatch(/lease expired/);
  });

  it('backs off after a handler failure and gives up after maxAttempts', async () => {
    const job = await enqueueJob('demo.sleep', { ms: 0 }, { maxAttempts: 2 });
    await claimJob('w', 30_000);
    expect(await failJob(job.id, 'w', 'boom')).toBe('queued');
    const requeued = await getJob(job.id);
    expect(requeued!.runAfter.getTime()).toBeGreaterThan(Date.now());
    expect(await claimJob('w', 30_000)).toBeNull(); // not before its backoff
    await db().job.update({ where: { id: job.id }, data: { runAfter: new Date() } });
    await claimJob('w', 30_000);
    expect(await failJob(job.id, 'w', 'boom again')).toBe('failed');
    expect(await getJob(job.id)).toMatchObject({ status: 'failed', error: 'boom again' });
  });

  it('runs a job in a worker with progress, and records its liveness', async () => {
    const worker = createWorker({ handlers: JOB_HANDLERS, leaseMs: 2_000, pollMs: 50 });
    void worker.start();
    const job = await enqueueJob('demo.sleep', { ms: 300, steps: 3 });
    await waitFor(async () => (await getJob(job.id))?.status === 'succeeded');
    expect(await getJob(job.id)).toMatchObject({ progress: 1, result: { slept: 300 }, attempts: 1 });
    expect(await db().workerHeartbeat.count({ where: { id: worker.id } })).toBe(1);
    await worker.stop();
    expect(await db().workerHeartbeat.count({ where: { id: worker.id } })).toBe(0);
  });

  it('fails a bad payload at once, without retrying', async () => {
    const worker = createWorker({ handlers: JOB_HANDLERS, leaseMs: 2_000, pollMs: 50 });
    void worker.start();
    const job = await enqueueJob('demo.sleep', { ms: 'soon' });
    await waitFor(async () => (await getJob(job.id))?.status === 'failed');
    expect((await getJob(job.id))!.error).toMatch(/Invalid payload/);
    await worker.stop();
  });

  it('cancels a queued job at once and a running job cooperatively', async () => {
    const queued = await enqueueJob('demo.sleep', { ms: 0 });
    expect((await cancelJob(queued.id)).status).toBe('cancelled');

    const worker = createWorker({ handlers: JOB_HANDLERS, leaseMs: 600, pollMs: 50 });
    void worker.start();
    const running = await enqueueJob('demo.sleep', { ms: 20_000, steps: 100 });
    await waitFor(async () => (await getJob(running.id))?.status === 'running');
    await cancelJob(running.id);
    await waitFor(async () => (await getJob(running.id))?.status === 'cancelled');
    await worker.stop();
  });
});
