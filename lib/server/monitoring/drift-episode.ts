// Drift alerts per episode: a version's windows of one size enter alert state, stay there, and leave it.
// The alert (and its webhooks) fires when an episode starts, not again for every window inside it; a new
// episode needs at least one window back to normal (ok or warn) in between. Windows with too little traffic
// ('insufficient', a quiet night of hour windows) neither end nor start an episode.
import type { DriftSnapshotStatus, DriftWindow } from '@/lib/schemas/drift';
import { db } from '../platform/db';

const JUDGED: DriftSnapshotStatus[] = ['ok', 'warn', 'alert'];

/**
 * True when a window with `status` starts a new episode: it alerts, it had not alerted before (a recompute of
 * the same window), and the latest judged window before it was not alerting.
 */
export async function startsDriftEpisode(
  q: { modelVersionId: string; window: DriftWindow; windowStart: Date; status: DriftSnapshotStatus; previousStatus: string | null },
): Promise<boolean> {
  if (q.status !== 'alert' || q.previousStatus === 'alert') return false;
  const before = await db().driftSnapshot.findFirst({
    where: { modelVersionId: q.modelVersionId, window: q.window, windowStart: { lt: q.windowStart }, status: { in: JUDGED } },
    orderBy: { windowStart: 'desc' },
    select: { status: true },
  });
  return before?.status !== 'alert';
}
