// Periodic jobs through the same queue: a job is enqueued when none of its type and payload is queued
// or running and the last success is older than its period. Any number of workers may call this; at
// worst two enqueue at once and the second run is a cheap, idempotent repeat (snapshots are upserts).
import { db } from './db';
import { enqueueJob } from './jobs';
import { childLogger } from './logger';

const log = childLogger('schedule');

export interface Schedule { type: string; payload: Record<string, unknown>; everyMs: number }

const HOUR = 3_600_000;

/** What the worker runs on its own: drift snapshots, labelled-performance targets, the retraining trigger. */
export const SCHEDULES: Schedule[] = [
  { type: 'drift.snapshot', payload: { window: 'hour' }, everyMs: HOUR },
  { type: 'drift.snapshot', payload: { window: 'day' }, everyMs: HOUR },
  { type: 'drift.snapshot', payload: { window: 'week' }, everyMs: 6 * HOUR },
  { type: 'performance.check', payload: {}, everyMs: HOUR },
  { type: 'retrain.check', payload: {}, everyMs: HOUR / 6 },
];

const samePayload = (a: unknown, b: Record<string, unknown>) =>
  !!a && typeof a === 'object' && Object.entries(b).every(([k, v]) => (a as Record<string, unknown>)[k] === v);

/** Enqueues the job when it is due. Returns true when it enqueued one. */
export async function ensureScheduled(type: string, payload: Record<string, unknown>, everyMs: number, now = new Date()): Promise<boolean> {
  const recent = await db().job.findMany({
    where: { type, OR: [{ status: { in: ['queued', 'running'] } }, { status: 'succeeded', finishedAt: { gt: new Date(now.getTime() - everyMs) } }] },
    select: { payload: true },
    take: 50,
  });
  if (recent.some((j) => samePayload(j.payload, payload))) return false;
  await enqueueJob(type, payload, { maxAttempts: 2 });
  return true;
}

// Checking once a minute is plenty for hourly schedules and keeps the poll loop's queries cheap.
// The first check comes a minute after start, so short-lived workers (tests, restarts) add no jobs.
let lastRun = Date.now();
const CHECK_EVERY_MS = 60_000;

/** Called by the worker loop once per poll; does real work at most once a minute. */
export async function runSchedules(now = new Date(), schedules?: Schedule[]): Promise<number> {
  // Other suites' test workers must not see drift jobs appear in their queue; tests pass schedules explicitly.
  if (!schedules && process.env.VITEST) return 0;
  if (now.getTime() - lastRun < CHECK_EVERY_MS) return 0;
  lastRun = now.getTime();
  let enqueued = 0;
  for (const s of schedules ?? SCHEDULES) {
    if (await ensureScheduled(s.type, s.payload, s.everyMs, now)) {
      enqueued++;
      log.info({ type: s.type, payload: s.payload }, 'scheduled job enqueued');
    }
  }
  return enqueued;
}

/** Tests: forget the last check so the next call runs. */
export function resetScheduleClock() {
  lastRun = -Infinity;
}
