// Whole-process timing for the CLI benchmarks (score-cli, fit-process): wall seconds from the parent and,
// with /usr/bin/time, the child's peak RSS.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './common';

export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs a command to completion; wall seconds and (with /usr/bin/time) peak RSS in MB. Throws on a non-zero exit. */
export function runTimed(cmd: string, args: string[]): { seconds: number; rssMb: number } {
  const [c, a] = TIME ? [TIME, ['-f', 'MAXRSS_KB=%M', cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  // Passive OpenMP waits: spinning threads distort XGBoost's timings on a shared machine.
  const r = spawnSync(c, a, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' }, maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const kb = /MAXRSS_KB=(\d+)/.exec(r.stderr ?? '');
  return { seconds, rssMb: kb ? Number(kb[1]) / 1024 : NaN };
}

/** True when this module is the script node was started with (so a bench file can also be imported by bench/report.ts). */
export const isMain = (metaUrl: string) => process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(metaUrl);
