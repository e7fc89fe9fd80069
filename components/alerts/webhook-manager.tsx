'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { AlertType, CreateWebhookInput, DELIVERY_ERROR_TEXT, type DeliveryErrorCategory } from '@/lib/schemas/alerts';
import { useCreateWebhook, useDeleteWebhook, useResendDelivery } from '@/lib/client/alerts';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatDateTime } from '@/lib/format';

interface Hook { id: string; url: string; events: string[]; createdAt: string }
interface Delivery { id: string; webhookId: string; event: string; status: string; attempts: number; lastStatus: number | null; lastError: string | null; createdAt: string }

const STATUS: Record<string, string> = { delivered: 'ok', failed: 'danger', pending: 'warn' };

/** A failure as its category in words, with the status code when the receiver answered. */
function lastResponse(d: Delivery) {
  const status = d.lastStatus ? `HTTP ${d.lastStatus}` : null;
  if (!d.lastError) return status ?? '–';
  const text = DELIVERY_ERROR_TEXT[d.lastError as DeliveryErrorCategory] ?? 'failed';
  return status ? `${text} (${status})` : text;
}

export function WebhookManager({ hooks, deliveries }: { hooks: Hook[]; deliveries: Delivery[] }) {
  const router = useRouter();
  const create = useCreateWebhook();
  const remove = useDeleteWebhook();
  const resend = useResendDelivery();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['high_risk']);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Hook | null>(null);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = CreateWebhookInput.safeParse({ url, events });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Invalid webhook');
    setError(null);
    create.mutate(parsed.data, { onSuccess: () => { setUrl(''); router.refresh(); } });
  }

  return (
    <div className="grid">
      <form className="card" onSubmit={submit} data-testid="webhook-form">
        <h2>New webhook</h2>
        <div className="row">
          <div className="field" style={{ flex: 1 }}>
            <label htmlFor="webhook-url">URL</label>
            <input id="webhook-url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/vigil" />
            <div className="hint">An http(s) URL on a public address. Private and loopback receivers need VIGIL_WEBHOOK_ALLOW_PRIVATE=1 on the server.</div>
          </div>
          <div className="field">
            <label>Alert types</label>
            <div className="row">
              {AlertType.options.map((t) => (
                <label key={t} style={{ fontWeight: 400 }}>
                  <input type="checkbox" checked={events.includes(t)} onChange={(e) => setEvents(e.target.checked ? [...events, t] : events.filter((x) => x !== t))} /> {t.replace('_', ' ')}
                </label>
              ))}
            </div>
          </div>
          <div className="field"><button className="btn primary" disabled={create.isPending} data-testid="webhook-create">Add webhook</button></div>
        </div>
        {error || create.error ? <div className="alert error">{error ?? create.error?.message}</div> : null}
        {create.data ? (
          <div>
            <div className="alert success">Webhook added. Its signing secret is shown once: verify <code>X-Vigil-Signature</code> = sha256 HMAC of <code>&lt;timestamp&gt;.&lt;body&gt;</code>.</div>
            <div className="secret mono" data-testid="webhook-secret">{create.data.secret}</div>
          </div>
        ) : null}
      </form>
      <div className="card">
        <h2>Webhooks</h2>
        {hooks.length ? (
          <table>
            <thead><tr><th>URL</th><th>Alert types</th><th>Added</th><th /></tr></thead>
            <tbody>
              {hooks.map((h) => (
                <tr key={h.id}>
                  <td className="mono">{h.url}</td><td>{h.events.join(', ')}</td><td>{formatDateTime(h.createdAt)}</td>
                  <td><button className="btn danger" onClick={() => { remove.reset(); setDeleting(h); }} data-testid="webhook-delete">Delete</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <div className="empty"><strong>No webhooks</strong>Add one to receive alerts in your own systems.</div>}
      </div>
      <div className="card">
        <h2>Recent deliveries</h2>
        {deliveries.length ? (
          <table data-testid="deliveries-table">
            <thead><tr><th>When</th><th>Event</th><th>Status</th><th>Attempts</th><th>Last response</th><th /></tr></thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(d.createdAt)}</td><td>{d.event}</td>
                  <td><span className={`badge ${STATUS[d.status] ?? ''}`}>{d.status}</span></td><td>{d.attempts}</td>
                  <td data-testid="delivery-last-response">{lastResponse(d)}</td>
                  <td>{d.status === 'failed' ? <button className="btn" onClick={() => resend.mutate(d.id, { onSuccess: () => router.refresh() })}>Re-send</button> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <div className="empty"><strong>No deliveries yet</strong>They appear here as alerts go out.</div>}
      </div>
      {deleting ? (
        <ConfirmDialog
          title="Delete this webhook?"
          description={<>Alerts stop going to <code>{deleting.url}</code> at once.</>}
          confirmLabel="Delete webhook"
          pending={remove.isPending}
          error={remove.error?.message}
          onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => { setDeleting(null); router.refresh(); } })}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}
