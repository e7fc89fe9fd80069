// What /api/health reports: can we reach the database, and is a worker alive?
import { db } from './db';
import { dbProvider, env } from './env';
import { childLogger } from './logger';
import { isDatabaseBusy } from './db-busy';
import { readWorkerStatus, workerStatusFile, type WorkerStatus } from './worker-status';
import { workerAlive } from './worker';

const log = childLogger('health');

export interface Health {
  status: 'ok' | 'degraded' | 'down';
  database: { ok: boolean; provider: 'sqlite' | 'postgres'; error?: 'busy' | 'unreachable' };
  /** `supervisor` is present under `npm start`: restarts and the last exit of the supervised worker. */
  worker: { ok: boolean; lastSeen: string | null; supervisor?: Omit<WorkerStatus, 'pid'> };
  version: string;
}

export async function checkHealth(opts: { dataDir?: string } = {}): Promise<Health> {
  const provider = dbProvider();
  try {
    await db().$queryRawUnsafe('SELECT 1');
  } catch (err) {
    // Public endpoint: a category, not the driver's message (which can name hosts and paths).
    log.error({ err }, 'health check: database query failed');
    const error = isDatabaseBusy(err) ? 'busy' : 'unreachable';
    return { status: 'down', database: { ok: false, provider, error }, worker: { ok: false, lastSeen: null }, version: process.env.npm_package_version ?? '0.1.0' };
  }
  const worker = await workerAlive();
  const supervised = readWorkerStatus(workerStatusFile(opts.dataDir ?? env().VIGIL_DATA_DIR));
  const supervisor = supervised ? { state: supervised.state, restarts: supervised.restarts, startedAt: supervised.startedAt, lastExit: supervised.lastExit, nextStartAt: supervised.nextStartAt } : undefined;
  return {
    status: worker.alive ? 'ok' : 'degraded',
    database: { ok: true, provider },
    worker: { ok: worker.alive, lastSeen: worker.lastSeen?.toISOString() ?? null, ...(supervisor ? { supervisor } : {}) },
    version: process.env.npm_package_version ?? '0.1.0',
  };
}
