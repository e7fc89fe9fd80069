import { EmptyState } from '@/components/stat';
import { Forbidden } from '@/components/forbidden';
import { pageAccess } from '@/lib/server/access/pages';
import { listDeadLetters } from '@/lib/server/platform/dead-letters';
import { formatDateTime } from '@/lib/format';

export const metadata = { title: 'Dead letters' };

/** Messages the stream consumer gave up on, newest first; React escapes the payload preview. */
export default async function DeadLettersPage() {
  const { who, allowed } = await pageAccess('deadletters:read');
  if (!allowed) return <Forbidden role={who.role} what="see messages that could not be ingested" />;
  const { deadLetters } = await listDeadLetters({ limit: 100 });
  return (
    <>
      <h1 data-testid="page-title">Dead letters</h1>
      <p className="lead">
        Stream messages that can never be ingested (not JSON, control characters, invalid records) are set aside here instead of being
        redelivered forever. Valid messages beside them are stored as usual. Fix the sender, then publish the message again.
      </p>
      {deadLetters.length === 0 ? (
        <EmptyState title="No dead letters" testId="dead-letters-empty">
          Every message from the JetStream subject was ingested. A message that cannot be (it is not JSON, holds a NUL byte or an invalid
          transaction, or could not be stored after repeated attempts) lands here with the reason.
        </EmptyState>
      ) : (
        <div className="card">
          <table className="dense" data-testid="dead-letters-table">
            <thead><tr><th>Received</th><th>Source</th><th>Sequence</th><th>Reason</th><th>Payload (preview)</th></tr></thead>
            <tbody>
              {deadLetters.map((d) => (
                <tr key={d.id} data-testid="dead-letter">
                  <td>{formatDateTime(d.createdAt)}</td>
                  <td className="mono">{d.source}</td>
                  <td className="mono">{d.reference ?? '—'}</td>
                  <td>{d.reason}</td>
                  <td><pre className="log">{d.payload.length > 600 ? `${d.payload.slice(0, 600)}…` : d.payload}</pre></td>
                </tr>
              ))}
            </tbody>
          </table>
          {deadLetters.length === 100 ? <p className="hint">The newest 100; <code>GET /api/dead-letters</code> pages through the rest.</p> : null}
        </div>
      )}
    </>
  );
}
