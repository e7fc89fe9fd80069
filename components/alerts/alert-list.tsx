'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useAcknowledgeAlert } from '@/lib/client/alerts';
import { formatDateTime } from '@/lib/format';

/** href: the page of the item the alert is about (the review page for card and email items, else the event page). */
export interface AlertRow { id: string; type: string; severity: string; title: string; createdAt: string; acknowledgedAt: string | null; href: string | null }

const SEVERITY: Record<string, string> = { critical: 'danger', warning: 'warn', info: '' };

export function AlertList({ alerts, canAck }: { alerts: AlertRow[]; canAck: boolean }) {
  const ack = useAcknowledgeAlert();
  const router = useRouter();
  if (!alerts.length) return <div className="empty" data-testid="alerts-empty"><strong>No alerts here</strong>Blocked and review decisions, drift and failed jobs raise alerts; they appear here and go out to your webhooks.</div>;
  return (
    <table data-testid="alerts-table">
      <thead><tr><th>When</th><th>Severity</th><th>Type</th><th>Alert</th><th /></tr></thead>
      <tbody>
        {alerts.map((a) => (
          <tr key={a.id}>
            <td>{formatDateTime(a.createdAt)}</td>
            <td><span className={`badge ${SEVERITY[a.severity] ?? ''}`}>{a.severity}</span></td>
            <td>{a.type.replace('_', ' ')}</td>
            <td>{a.href ? <Link href={a.href}>{a.title}</Link> : a.title}</td>
            <td>
              {a.acknowledgedAt ? <span className="badge ok">acknowledged</span> : canAck ? (
                <button className="btn" disabled={ack.isPending} data-testid={`ack-${a.id}`} onClick={() => ack.mutate(a.id, { onSuccess: () => router.refresh() })}>Acknowledge</button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
