// npm start: build if needed, migrate, seed an empty database, then run the web server and a supervised
// worker. A worker that dies is restarted with backoff; if the web process dies, everything stops with
// its exit code (so a process manager can restart Vigil). Ctrl-C (SIGINT) or SIGTERM stops both.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareRuntimeEnv } from './runtime-env';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const tsx = (script: string) => ['--import', 'tsx', path.join('scripts', script)];

const exitCodeOf = (code: number | null, signal: NodeJS.Signals | null) =>
  code ?? (signal ? 128 + (os.constants.signals[signal] ?? 1) : 1);

async function main() {
  prepareRuntimeEnv();
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')) || process.env.VIGIL_REBUILD === '1') {
    console.log('Building the web app (first start only)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const { configureDb, WORKER_SQLITE_BUSY_TIMEOUT_MS } = await import('@/lib/server/platform/db');
  configureDb({ sqliteBusyTimeoutMs: WORKER_SQLITE_BUSY_TIMEOUT_MS });
  const { prepareDatabase } = await import('@/lib/server/platform/setup');
  const preparing = Date.now();
  const { envNow } = await import('@/lib/server/platform/env');
  const traffic = envNow('VIGIL_DEMO_TRAFFIC') === '1';
  // On a fresh demo database this also seeds two weeks of live traffic (once: not on a restart).
  await prepareDatabase({ traffic });
  console.log(`Database ready in ${((Date.now() - preparing) / 1000).toFixed(1)} s`);
  const { startDemoTrickle } = await import('@/lib/server/demo/trickle');
  const trickle = traffic ? await startDemoTrickle() : null;
  const { env } = await import('@/lib/server/platform/env');
  const { childLogger } = await import('@/lib/server/platform/logger');
  const { superviseWorker } = await import('@/lib/server/platform/worker-supervisor');
  const { workerStatusFile, writeWorkerStatus } = await import('@/lib/server/platform/worker-status');
  const log = childLogger('supervisor');
  const statusFile = workerStatusFile(env().VIGIL_DATA_DIR);

  const web: ChildProcess = spawn(process.execPath, tsx('web-server.ts'), { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const worker = superviseWorker({
    start: () => spawn(process.execPath, tsx('worker.ts'), { stdio: 'inherit', env: process.env, detached: true }),
    onStatus: (status) => writeWorkerStatus(statusFile, status),
    log: (message) => log.warn(message),
  });
  console.log(`Vigil is starting on ${process.env.NEXTAUTH_URL}`);

  let exiting = false;
  const stopAll = async (code: number) => {
    if (exiting) return;
    exiting = true;
    trickle?.stop();
    if (web.exitCode === null && web.signalCode === null) web.kill('SIGTERM');
    const force = setTimeout(() => web.kill('SIGKILL'), 10_000);
    force.unref();
    const webExited = web.exitCode !== null || web.signalCode !== null ? null : new Promise((r) => web.once('exit', r));
    await Promise.all([worker.stop(), webExited]);
    fs.rmSync(statusFile, { force: true });
    process.exit(code);
  };
  web.once('exit', (code, signal) => {
    if (exiting) return;
    console.error(`The web process exited (${signal ?? `code ${code}`}); stopping Vigil.`);
    void stopAll(exitCodeOf(code, signal));
  });
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
}

main().catch((err) => {
  console.error(`Vigil failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
