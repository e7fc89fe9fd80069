// One entity of an event (its card, customer, email…): that entity's latest events of the type.
import Link from 'next/link';
import { formatCount, formatDateTime, formatScore } from '@/lib/format';
import type { EntityPanel as Panel } from '@/lib/client/events';
import { BandBadge, LabelBadge } from '@/components/scoring/band-badge';

/** `masked`: the key is a sensitive field, shown masked, so it cannot be searched for. */
export function EntityPanel({ panel, type, currentId, masked }: { panel: Panel; type: string; currentId: string; masked: boolean }) {
  return (
    <div className="card" data-testid={`entity-panel-${panel.entity}`}>
      <h3 className="subhead">{panel.entity} <span className="mono">{panel.key}</span></h3>
      <p className="hint">
        {formatCount(panel.count)} event(s) of this {panel.entity}{panel.count > panel.events.length ? `; the latest ${panel.events.length}` : ''}.
        {masked ? null : <>{' '}<Link href={`/events?${new URLSearchParams({ type, entity: `${panel.entity}:${panel.key}` })}`}>All in Events</Link></>}
      </p>
      <table className="small">
        <thead><tr><th>Time</th><th>Id</th><th className="num">Score</th><th>Decision</th><th>Label</th></tr></thead>
        <tbody>
          {panel.events.map((e) => (
            <tr key={e.id} data-testid="entity-event" className={e.id === currentId ? 'selected' : undefined}>
              <td className="nowrap muted">{formatDateTime(e.occurredAt)}</td>
              <td className="mono ellipsis">{e.id === currentId ? <strong>{e.externalId}</strong> : <Link href={`/events/${e.id}`}>{e.externalId}</Link>}</td>
              <td className="num">{formatScore(e.score)}</td>
              <td><BandBadge decision={e.decision} /></td>
              <td><LabelBadge label={e.label} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
