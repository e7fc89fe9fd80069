// Starts the real product as `npm start` does (scripts/start.ts: migrate, seed, next start + worker) on a fresh
// SQLite file, and waits for the worker to report healthy. Used by global-setup and by specs that need their own
// fresh instance (the journeys run on the live demo, with traffic).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The operator's shell minus every product setting (VIGIL_*, NEXTAUTH_*, DATABASE_URL, PORT): the run sets its own. */
function shellWithoutProductSettings(): NodeJS.ProcessEnv {
  const harness = /^VIGIL_(TEST|FUZZ)_/;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) =>
    !((name.startsWith('VIGIL_') && !harness.test(name)) || name.startsWith('NEXTAUTH_') || name === 'DATABASE_URL' || name === 'PORT'))) as NodeJS.ProcessEnv;
}

export interface VigilServer { child: ChildProcess; url: string; dir: string }

export async function startVigil(opts: { port: string; env: Record<string, string>; databaseUrl?: string; timeoutMs?: number }): Promise<VigilServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-'));
  const url = `http://127.0.0.1:${opts.port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...shellWithoutProductSettings(),
      PORT: opts.port,
      DATABASE_URL: opts.databaseUrl ?? `file:${path.join(dir, 'e2e.db')}`,
      VIGIL_DATA_DIR: dir,
      VIGIL_DEMO: '1',
      NEXTAUTH_URL: url,
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const until = Date.now() + (opts.timeoutMs ?? 600_000); // includes a first build, several minutes on a busy 2-core machine
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vigil exited early with code ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.json()).then((h) => h.worker?.ok === true, () => false);
    if (ok) return { child, url, dir };
    await new Promise((r) => setTimeout(r, 500));
  }
  stopVigil(child.pid);
  throw new Error(`vigil did not become healthy within ${Math.round((opts.timeoutMs ?? 600_000) / 1000)} s`);
}

/** Stops the whole process group: launcher, web and worker. */
export function stopVigil(pid: number | undefined) {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}
