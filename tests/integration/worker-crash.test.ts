// A real worker process killed with SIGKILL must not lose its job. One process (node --import tsx),
// so the kill hits the worker itself rather than a launcher.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { enqueueJob, getJob } from '@/lib/server/platform/jobs';
import { resetJobs, waitFor } from './helpers';

const children: ChildProcess[] = [];

function startWorker() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    env: { ...process.env, DATABASE_URL: inject('databaseUrl'), VIGIL_JOB_LEASE_MS: '1500', VIGIL_WORKER_POLL_MS: '100', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}


afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

describe('worker crash', () => {
  it('re-queues the job of a SIGKILLed worker once its lease expires, and a new worker finishes it', async () => {
    await resetJobs();
    const job = await enqueueJob('demo.sleep', { ms: 4_000, steps: 8 }, { maxAttempts: 3 });
    const first = startWorker();
    const running = await waitFor(() => getJob(job.id), (j) => j?.status === 'running' && (j.progress ?? 0) > 0);
    first.kill('SIGKILL');

    const second = startWorker();
    const done = await waitFor(() => getJob(job.id), (j) => j?.status === 'succeeded', 45_000);
    expect(done!.attempts).toBe(2);
    expect(done!.leaseOwner).toBeNull();
    expect(running!.leaseOwner).not.toBe(null);
    second.kill('SIGTERM');
  });
});
