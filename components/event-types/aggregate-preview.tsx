// The type's aggregates in words, with the values the latest stored events had at scoring time.
import Link from 'next/link';
import { formatDateTime, formatParam } from '@/lib/format';
import { aggregateName } from '@/lib/ml/events/aggregates';
import type { EventTypeDefinition } from '@/lib/ml/events/definition';
import { describeAggregate } from '@/lib/ml/events/describe';

export interface PreviewSample { id: string; externalId: string; occurredAt: string; features: Record<string, number | null> }

export function AggregatePreview({ definition, samples }: { definition: EventTypeDefinition; samples: PreviewSample[] }) {
  if (!definition.aggregates.length) return <p className="hint" data-testid="aggregate-preview">No aggregates defined.</p>;
  const names = definition.aggregates.map(aggregateName);
  const latest = samples[0];
  return (
    <div className="grid" data-testid="aggregate-preview">
      <ul className="small">
        {definition.aggregates.map((a, i) => {
          const v = latest?.features[names[i]];
          return (
            <li key={names[i]}>
              <span className="mono">{names[i]}</span>: {latest ? describeAggregate(definition, a, typeof v === 'number' ? v : Number.NaN) : <span className="muted">no events yet</span>}
            </li>
          );
        })}
      </ul>
      {samples.length ? (
        <div className="table-scroll">
          <p className="hint">Values on the {samples.length} most recent event(s), as stored when each was scored{latest ? ' (the list above reads the newest)' : ''}.</p>
          <table className="small" data-testid="aggregate-samples">
            <thead><tr><th>Event</th><th>Time</th>{names.map((n) => <th key={n} className="num mono">{n}</th>)}</tr></thead>
            <tbody>
              {samples.map((s) => (
                <tr key={s.id}>
                  <td className="mono ellipsis"><Link href={`/events/${s.id}`}>{s.externalId}</Link></td>
                  <td className="nowrap muted">{formatDateTime(s.occurredAt)}</td>
                  {names.map((n) => <td key={n} className="num mono">{formatParam(s.features[n] ?? null)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p className="hint">No stored events of this type yet: values appear once events are ingested.</p>}
    </div>
  );
}
