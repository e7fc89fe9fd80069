// Drift windows: UTC alignment, what a window holds now (computed or not, with its live count), and the
// default window, picked from the traffic volume so that it fills.
import type { DriftSnapshotStatus, DriftWindow, DriftWindowChoice, DriftWindowState, DriftWindowStatus } from '@/lib/schemas/drift';
import { db } from '../platform/db';

/** Fewer rows than this say nothing reliable about a distribution: status 'insufficient', never an alert. */
export const MIN_DRIFT_ROWS = 50;
/** The default window is the shortest whose recent span holds this many scored items (PSI over 10 bins settles). */
export const DEFAULT_WINDOW_TARGET = 500;
const HOUR = 3_600_000;
export const WINDOW_MS: Record<DriftWindow, number> = { hour: HOUR, day: 24 * HOUR, week: 7 * 24 * HOUR };
const WINDOWS: DriftWindow[] = ['hour', 'day', 'week'];

/** Start of the UTC hour, day or ISO week (Monday) containing `at`. */
export function windowStartOf(window: DriftWindow, at: Date): Date {
  const t = at.getTime();
  if (window === 'hour') return new Date(Math.floor(t / HOUR) * HOUR);
  const day = Math.floor(t / WINDOW_MS.day) * WINDOW_MS.day;
  if (window === 'day') return new Date(day);
  const dow = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(day - dow * WINDOW_MS.day);
}

/** The last complete window and the current partial one (omitted when `at` sits exactly on a boundary). */
export function snapshotWindows(window: DriftWindow, at: Date): { start: Date; end: Date }[] {
  const cur = windowStartOf(window, at);
  const prev = windowStartOf(window, new Date(cur.getTime() - 1));
  const out = [{ start: prev, end: cur }];
  if (at.getTime() > cur.getTime()) out.push({ start: cur, end: at });
  return out;
}

export interface ScoredVersion { id: string; stage: string; kind: string; eventType: string | null }

/** Items a version scored (or shadow-scored) in [start, end). */
export function scoredCount(v: ScoredVersion, start: Date, end: Date): Promise<number> {
  const by = v.stage === 'shadow' ? { shadowModelVersionId: v.id } : { modelVersionId: v.id };
  const occurredAt = { gte: start, lt: end };
  return db().event.count({ where: { occurredAt, ...by } });
}

/**
 * A window's state from its stored snapshot and its live count. A snapshot taken before the traffic arrived
 * (none, or one that saw fewer items than there are now and could not judge them) is 'not_computed', so a
 * window never says "no traffic" or "too little" while it holds enough to measure.
 */
export function windowStatus(snapshot: { status: string; count: number } | null, events: number): DriftWindowStatus {
  if (!snapshot) return events ? 'not_computed' : 'no_traffic';
  if (events > snapshot.count && (snapshot.count === 0 || (snapshot.status === 'insufficient' && events >= MIN_DRIFT_ROWS))) return 'not_computed';
  if (snapshot.count === 0) return 'no_traffic';
  return snapshot.status as DriftSnapshotStatus;
}

/** The last complete and the current window of a version, as they stand now. */
export async function windowStates(v: ScoredVersion, window: DriftWindow, now: Date): Promise<DriftWindowState[]> {
  return Promise.all(snapshotWindows(window, now).map(async (w, i) => {
    const [events, snap] = await Promise.all([
      scoredCount(v, w.start, w.end),
      db().driftSnapshot.findUnique({ where: { modelVersionId_window_windowStart: { modelVersionId: v.id, window, windowStart: w.start } }, select: { status: true, count: true, windowEnd: true } }),
    ]);
    return {
      windowStart: w.start.toISOString(), windowEnd: (i === 0 ? w.end : new Date(w.start.getTime() + WINDOW_MS[window])).toISOString(),
      partial: i > 0, status: windowStatus(snap, events), events,
      computedThrough: snap ? snap.windowEnd.toISOString() : null, computedCount: snap ? snap.count : null,
    };
  }));
}

/**
 * Scored items over the last hour, day and week (the busiest serving version), and the shortest window that
 * holds DEFAULT_WINDOW_TARGET of them; the week when none does.
 */
export async function defaultWindow(versions: ScoredVersion[], now: Date): Promise<{ window: DriftWindow; scored: NonNullable<DriftWindowChoice['scored']> }> {
  const scored = { hour: 0, day: 0, week: 0 };
  for (const w of WINDOWS) {
    for (const v of versions) scored[w] = Math.max(scored[w], await scoredCount(v, new Date(now.getTime() - WINDOW_MS[w]), now));
  }
  return { window: WINDOWS.find((w) => scored[w] >= DEFAULT_WINDOW_TARGET) ?? 'week', scored };
}
