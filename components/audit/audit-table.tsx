import type { AuditEventSummary } from '@/lib/schemas/audit';

/** A change as short text: the keys that differ, before → after (long values cut). */
function change(e: AuditEventSummary): string {
  const show = (v: unknown) => {
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  };
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  if (typeof before !== 'object' || typeof after !== 'object') return show(e.after ?? e.before ?? '');
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => (k in before && k in after ? `${k}: ${show(before[k])} → ${show(after[k])}` : `${k}: ${show(k in after ? after[k] : before[k])}`))
    .join('; ');
}

export function AuditTable({ events }: { events: AuditEventSummary[] }) {
  if (!events.length) return <div className="empty"><strong>No events</strong>Nothing matches these filters.</div>;
  return (
    <div className="table-scroll">
      <table data-testid="audit-table">
        <thead><tr><th>When (UTC)</th><th>Actor</th><th>Action</th><th>Target</th><th>Change</th></tr></thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td className="nowrap">{e.at.replace('T', ' ').slice(0, 19)}</td>
              <td>{e.actorLabel}</td>
              <td className="mono">{e.action}</td>
              <td>{e.targetType}{e.targetId ? <span className="muted mono"> {e.targetId}</span> : null}</td>
              <td className="small">{change(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
