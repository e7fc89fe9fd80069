// npm start's supervisor keeps a real worker process alive: a SIGKILLed worker is started again after
// the backoff, heartbeats again, and /api/health reports the restart. Stopping leaves no process behind.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/server/platform/db';
import { checkHealth } from '@/lib/server/platform/health';
import { superviseWorker } from '@/lib/server/platform/worker-supervisor';
import { readWorkerStatus, workerStatusFile, writeWorkerStatus } from '@/lib/server/platform/worker-status';
import { resetJobs, waitFor } from './helpers';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-supervisor-'));
const statusFile = workerStatusFile(dataDir);
const stops: (() => Promise<void>)[] = [];

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};


const heartbeatOf = (pid: number) => () => db().workerHeartbeat.findFirst({ where: { pid } });

afterAll(async () => {
  for (const stop of stops) await stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('worker supervisor', () => {
  it('restarts a SIGKILLed worker after the backoff, reports it in /api/health, and stops cleanly', async () => {
    await resetJobs();
    const messages: string[] = [];
    const supervisor = superviseWorker({
      start: () =>
        spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
          env: { ...process.env, DATABASE_URL: inject('databaseUrl'), VIGIL_DATA_DIR: dataDir, VIGIL_WORKER_POLL_MS: '100', LOG_LEVEL: 'warn' },
          stdio: 'ignore',
          detached: true,
        }),
      onStatus: (status) => writeWorkerStatus(statusFile, status),
      log: (message) => messages.push(message),
    });
    stops.push(() => supervisor.stop());

    const first = supervisor.status().pid!;
    await waitFor(heartbeatOf(first), (hb) => hb !== null);
    const killedAt = Date.now();
    process.kill(first, 'SIGKILL');

    const restarting = await waitFor(() => readWorkerStatus(statusFile), (s) => s?.restarts === 1);
    expect(restarting!.lastExit).toMatchObject({ code: null, signal: 'SIGKILL' });
    const second = await waitFor(() => supervisor.status().pid, (pid) => pid !== null && pid !== first);
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(900); // the first backoff step is 1 s
    await waitFor(heartbeatOf(second!), (hb) => hb !== null);
    expect(messages).toEqual([expect.stringMatching(/worker exited \(SIGKILL\); restart 1 in 1 s/)]);

    const health = await checkHealth({ dataDir });
    expect(health.worker).toMatchObject({ ok: true, supervisor: { state: 'running', restarts: 1, lastExit: { signal: 'SIGKILL' } } });

    await supervisor.stop();
    expect(alive(second!)).toBe(false);
    expect(readWorkerStatus(statusFile)).toMatchObject({ state: 'stopped', restarts: 1 });
    // A stopped worker removes its heartbeat: it shut down, it did not crash.
    expect(await heartbeatOf(second!)()).toBeNull();
  });
});
