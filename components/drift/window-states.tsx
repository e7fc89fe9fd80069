'use client';
// The last complete and the current window as they stand now: their status in words and the items scored in
// them, so a window that was never computed says so (with a Compute now button) rather than "no traffic".
import { windowLabel } from '@/lib/charts/drift';
import type { DriftWindow, DriftWindowState, DriftWindowStatus } from '@/lib/schemas/drift';
import { formatCount } from '@/lib/format';

export const WINDOW_STATUS_WORDS: Record<DriftWindowStatus, string> = {
  not_computed: 'not computed yet', no_traffic: 'no traffic', insufficient: 'too few to judge', ok: 'ok', warn: 'warn', alert: 'alert',
};
const TONE: Record<DriftWindowStatus, string> = { not_computed: 'muted', no_traffic: 'muted', insufficient: 'muted', ok: 'ok', warn: 'warn', alert: 'danger' };

export function WindowStates({ states, window, noun, compute }: {
  states: DriftWindowState[]; window: DriftWindow; noun: string;
  compute: { run: () => void; busy: boolean } | null;
}) {
  if (!states.length) return null;
  const stale = states.some((s) => s.status === 'not_computed');
  return (
    <ul className="drift-window-states muted" data-testid="drift-window-states">
      {states.map((s) => (
        <li key={s.windowStart} data-testid={`drift-window-${s.partial ? 'current' : 'last'}`} data-status={s.status}>
          {s.partial ? 'This' : 'Last'} {window} ({windowLabel(s.windowStart, window)}{s.partial ? ', so far' : ''}):{' '}
          <span className={`badge ${TONE[s.status]}`}>{WINDOW_STATUS_WORDS[s.status]}</span>{' '}
          {formatCount(s.events)} {noun} scored
          {s.computedCount !== null && s.computedCount !== s.events ? `, ${formatCount(s.computedCount)} when last computed` : ''}
        </li>
      ))}
      {stale && compute ? (
        <li>
          <button type="button" className="btn" data-testid="compute-drift-window" disabled={compute.busy} onClick={compute.run}>
            {compute.busy ? 'Computing…' : 'Compute now'}
          </button>
        </li>
      ) : null}
    </ul>
  );
}
