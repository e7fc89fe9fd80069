// npm start: build if needed, migrate, seed an empty database, then run web and worker together.
// Ctrl-C (SIGINT) or SIGTERM stops both; if either dies, the other is stopped too.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prepareRuntimeEnv } from './runtime-env';

prepareRuntimeEnv();
const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

async function main() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')) || process.env.VIGIL_REBUILD === '1') {
    console.log('Building the web app (first start only)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const { prepareDatabase } = await import('@/lib/server/setup');
  await prepareDatabase();

  const children: ChildProcess[] = [
    spawn(process.execPath, [nextBin, 'start', '-p', process.env.PORT!], { stdio: 'inherit', env: process.env }),
    spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'worker.ts')], { stdio: 'inherit', env: process.env }),
  ];
  console.log(`Vigil is starting on ${process.env.NEXTAUTH_URL}`);

  let exiting = false;
  const stopAll = (code: number) => {
    if (exiting) return;
    exiting = true;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    const force = setTimeout(() => { for (const c of children) c.kill('SIGKILL'); }, 10_000);
    force.unref();
    Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(() => process.exit(code));
  };
  for (const child of children) child.once('exit', (code) => stopAll(exiting ? 0 : code || 1));
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
}

main().catch((err) => {
  console.error(`Vigil failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
