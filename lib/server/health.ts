// What /api/health reports: can we reach the database, and is a worker alive?
import { db } from './db';
import { dbProvider } from './env';
import { workerAlive } from './worker';

export interface Health {
  status: 'ok' | 'degraded' | 'down';
  database: { ok: boolean; provider: 'sqlite' | 'postgres'; error?: string };
  worker: { ok: boolean; lastSeen: string | null };
  version: string;
}

export async function checkHealth(): Promise<Health> {
  const provider = dbProvider();
  try {
    await db().$queryRawUnsafe('SELECT 1');
  } catch (err) {
    return { status: 'down', database: { ok: false, provider, error: (err as Error).message }, worker: { ok: false, lastSeen: null }, version: process.env.npm_package_version ?? '0.1.0' };
  }
  const worker = await workerAlive();
  return {
    status: worker.alive ? 'ok' : 'degraded',
    database: { ok: true, provider },
    worker: { ok: worker.alive, lastSeen: worker.lastSeen?.toISOString() ?? null },
    version: process.env.npm_package_version ?? '0.1.0',
  };
}
