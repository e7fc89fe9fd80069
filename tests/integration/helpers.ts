import crypto from 'node:crypto';
import { db } from '@/lib/server/platform/db';
import { createToken } from '@/lib/server/access/tokens';
import type { Role } from '@/lib/schemas/common';

export const unique = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString('hex')}`;

/** A real API token with the given role, for calling route handlers as a machine would. */
export async function tokenFor(role: Role) {
  return (await createToken({ name: unique(`test-${role}`), role }, null)).token;
}

export function request(method: string, url: string, opts: { token?: string; body?: string | object; headers?: Record<string, string> } = {}) {
  const headers = new Headers(opts.headers);
  if (opts.token) headers.set('authorization', `Bearer ${opts.token}`);
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  if (body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return new Request(`http://localhost${url}`, { method, headers, body });
}

export const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

export async function resetJobs() {
  await db().job.deleteMany({});
  await db().workerHeartbeat.deleteMany({});
}

/** Polls read() every 100 ms until ok(value), or throws with the last value after ms. */
export async function waitFor<T>(read: () => Promise<T> | T, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Test teardown for a JetStream consumer: stop it, delete the test's stream, close the connection. */
export async function closeTestStream(nc: import('nats').NatsConnection | undefined, consumer: { stop(): Promise<void> } | undefined, stream: string) {
  await consumer?.stop();
  if (!nc) return;
  await (await nc.jetstreamManager()).streams.delete(stream).catch(() => undefined);
  await nc.close();
}
