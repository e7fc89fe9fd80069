// Shared helpers of the serving benchmarks (bench/serve.ts, bench/load-1m.ts). Talks only to 127.0.0.1.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const LOCK = '/tmp/vigil-e2e.lock';
export const PG_ADMIN = 'postgresql://postgres@127.0.0.1:5432/postgres';
export const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

export const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A plain text table: header row, rows, columns padded. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, j) => Math.max(...cells.map((r) => (r[j] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((c, j) => c.padEnd(widths[j])).join(' | ') + ' |';
  return [line(cells[0]), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...cells.slice(1).map(line)].join('\n');
}

/** A fresh database: a temp SQLite file, or a uniquely named Postgres database (created here, dropped by drop()). */
export interface FreshDb { kind: 'sqlite' | 'postgres'; url: string; dataDir: string; name: string; drop(): Promise<void> }

export async function freshDatabase(kind: 'sqlite' | 'postgres', tag: string): Promise<FreshDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `vigil-bench-${tag}-`));
  const name = `vigil_bench_${tag}_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  if (kind === 'sqlite') {
    const file = path.join(dataDir, 'vigil.db');
    return { kind, url: `file:${file}`, dataDir, name: file, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    kind, url: `postgresql://postgres@127.0.0.1:5432/${name}`, dataDir, name,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `next build` only under the shared lock, and only if no build exists. */
export function ensureBuild() {
  if (fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) return;
  console.log(`No .next/BUILD_ID: building under ${LOCK}…`);
  const r = spawnSync('flock', [LOCK, 'npx', 'next', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('next build failed');
}

/**
 * Starts a server process in its own process group. With lock=true it runs under `flock LOCK` so nobody
 * rebuilds .next while it serves (don't combine with an outer `flock` on the same file: use --no-lock then).
 */
export function startServer(cmd: string[], env: NodeJS.ProcessEnv, opts: { lock: boolean; logFile: string }): ChildProcess {
  const argv = opts.lock ? ['flock', LOCK, ...cmd] : cmd;
  const out = fs.openSync(opts.logFile, 'a');
  const child = spawn(argv[0], argv.slice(1), { cwd: ROOT, env, stdio: ['ignore', out, out], detached: true });
  return child;
}

/** SIGTERM to the server's process group, SIGKILL after 15 s. Only the group we started. */
export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once('exit', r));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
  const t = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 15_000);
  await exited;
  clearTimeout(t);
}

/** Polls GET url until a 2xx (or `ok` says so), at most timeoutMs; fails early if the process died. */
export async function waitFor(url: string, timeoutMs: number, child?: ChildProcess, ok: (r: Response) => boolean = (r) => r.ok) {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; Date.now() < deadline && i < 10_000; i++) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before ${url} answered`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (ok(r)) return;
    } catch { /* not yet */ }
    await sleep(500);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Mints an API token with the product's CLI, against the same DATABASE_URL. */
export function mintToken(databaseUrl: string, role: string, env: NodeJS.ProcessEnv): string {
  const r = spawnSync('npm', ['run', '-s', 'vigil', '--', 'token', 'create', '--name', `bench-${Date.now()}`, '--role', role], {
    cwd: ROOT, env: { ...env, DATABASE_URL: databaseUrl }, encoding: 'utf8', timeout: 120_000,
  });
  const token = r.stdout.trim().split('\n').at(-1)?.trim();
  if (r.status !== 0 || !token) throw new Error(`token create failed: ${r.stderr || r.stdout}`);
  return token;
}

/** Logs in through next-auth's credentials provider; returns the Cookie header of the session. */
export async function login(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: `${base}/` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`login failed: HTTP ${res.status}`);
  return cookie();
}

/** One timed GET: time to response headers and to the last byte of the (streamed) body. */
export async function timedGet(url: string, cookie: string): Promise<{ status: number; ttfb: number; total: number; bytes: number; finalUrl: string }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
  const ttfb = performance.now() - t0;
  const body = await res.arrayBuffer();
  return { status: res.status, ttfb, total: performance.now() - t0, bytes: body.byteLength, finalUrl: res.headers.get('location') ?? url };
}

export function argValue(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0 && argv[i + 1] !== undefined) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
}

export const cpuInfo = () => `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load avg ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;
