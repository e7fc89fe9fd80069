// Keeps one worker process running: a worker that dies is started again after a backoff that doubles
// from 1 s to 60 s and resets once a worker has stayed up for 60 s. The worker runs in its own process
// group so that anything it leaves behind (a training child) is killed with it.
import type { ChildProcess } from 'node:child_process';
import type { WorkerStatus } from './worker-status';

export interface BackoffPolicy { baseMs: number; maxMs: number; stableMs: number }
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000, stableMs: 60_000 };

/** Delay before the next start after `failures` consecutive short-lived workers (0 → base). */
export function restartDelayMs(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(failures, 30));
}

export interface SupervisorOptions {
  /** Starts the worker; must spawn with `detached: true` (own process group). */
  start: () => ChildProcess;
  onStatus?: (status: WorkerStatus) => void;
  log: (message: string) => void;
  policy?: BackoffPolicy;
  /** How long a stopping worker may take before SIGKILL. */
  stopGraceMs?: number;
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals) {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    /* the group is already empty */
  }
}

export function superviseWorker(opts: SupervisorOptions) {
  const policy = opts.policy ?? DEFAULT_BACKOFF;
  let child: ChildProcess | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;
  let failures = 0;
  const status: WorkerStatus = { state: 'running', pid: null, restarts: 0, startedAt: null, lastExit: null, nextStartAt: null };
  const publish = (patch: Partial<WorkerStatus>) => {
    Object.assign(status, patch);
    opts.onStatus?.({ ...status });
  };

  function launch() {
    timer = null;
    const startedAt = Date.now();
    const current = opts.start();
    child = current;
    publish({ state: 'running', pid: current.pid ?? null, startedAt: new Date(startedAt).toISOString(), nextStartAt: null });
    current.once('exit', (code, signal) => {
      killGroup(current.pid, 'SIGKILL'); // orphans of a crashed worker
      if (stopping) return;
      child = null;
      if (Date.now() - startedAt >= policy.stableMs) failures = 0;
      const delay = restartDelayMs(failures, policy);
      failures++;
      const lastExit = { code, signal, at: new Date().toISOString() };
      publish({ state: 'restarting', pid: null, restarts: status.restarts + 1, lastExit, nextStartAt: new Date(Date.now() + delay).toISOString() });
      opts.log(`worker exited (${signal ?? `code ${code}`}); restart ${status.restarts} in ${delay / 1000} s`);
      timer = setTimeout(launch, delay);
    });
  }

  launch();

  return {
    status: (): WorkerStatus => ({ ...status }),
    /** Stops restarting, asks the worker to finish (SIGTERM), and kills its group if it takes too long. */
    async stop(): Promise<void> {
      stopping = true;
      if (timer) clearTimeout(timer);
      const running = child;
      if (running && running.exitCode === null && running.signalCode === null) {
        const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
        running.kill('SIGTERM');
        const force = setTimeout(() => killGroup(running.pid, 'SIGKILL'), opts.stopGraceMs ?? 10_000);
        await exited;
        clearTimeout(force);
      }
      killGroup(running?.pid, 'SIGKILL');
      publish({ state: 'stopped', pid: null, nextStartAt: null });
    },
  };
}
