// Who changed this version's stage, when, and why (the append-only audit trail).
import { formatDateTime } from '@/lib/format';

export interface AuditRow { id: string; action: string; actor: string; at: string; before: unknown; after: unknown }

const ACTIONS: Record<string, string> = {
  'model.register': 'Registered',
  'model.promote': 'Promoted to production',
  'model.archive': 'Archived (replaced in production)',
  'model.unshadow': 'Back to candidate (replaced in shadow)',
  'model.stage.shadow': 'Moved to shadow',
  'model.stage.archived': 'Archived',
  'model.stage.candidate': 'Back to candidate',
};

const field = (v: unknown, key: string) => {
  const x = (v as Record<string, unknown> | null)?.[key];
  return typeof x === 'string' ? x : null;
};

export function AuditHistory({ rows }: { rows: AuditRow[] }) {
  if (!rows.length) return <div className="empty">No changes recorded yet.</div>;
  return (
    <ol className="timeline" data-testid="audit-history">
      {rows.map((r) => {
        const from = field(r.before, 'stage');
        const to = field(r.after, 'stage');
        const note = field(r.after, 'note');
        return (
          <li key={r.id}>
            <div><strong>{ACTIONS[r.action] ?? r.action}</strong>{from && to ? <span className="muted"> · {from} → {to}</span> : null}</div>
            <div className="muted small">{r.actor} · {formatDateTime(r.at)}</div>
            {note ? <div className="note">“{note}”</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
