'use client';
// Fraud / legit with the event's version: when someone labelled it meanwhile the API answers 409 with who and
// what, which is shown as is; the page then reloads to the current state.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiClientError } from '@/lib/client/api';
import { useLabelEvent } from '@/lib/client/events';
import { LabelBadge } from '@/components/scoring/band-badge';

export function EventLabelButtons({ id, label, version, canLabel }: { id: string; label: string | null; version: number; canLabel: boolean }) {
  const router = useRouter();
  const mutation = useLabelEvent(id);
  const [shown, setShown] = useState({ label, version });
  const [message, setMessage] = useState<{ tone: 'error' | 'warn'; text: string } | null>(null);

  function send(next: 'fraud' | 'legit') {
    setMessage(null);
    mutation.mutate({ label: next, version: shown.version }, {
      onSuccess: (e) => { setShown({ label: e.label, version: e.version }); router.refresh(); },
      onError: (err) => {
        const conflict = err instanceof ApiClientError && err.status === 409;
        setMessage({ tone: conflict ? 'warn' : 'error', text: err.message });
        if (conflict) router.refresh();
      },
    });
  }

  return (
    <div className="grid" data-testid="event-label">
      <div>Label: <span data-testid="event-label-value"><LabelBadge label={shown.label} /></span></div>
      {canLabel ? (
        <div className="row">
          <button className="btn danger" disabled={mutation.isPending || shown.label === 'fraud'} onClick={() => send('fraud')} data-testid="label-fraud">Fraud</button>
          <button className="btn" disabled={mutation.isPending || shown.label === 'legit'} onClick={() => send('legit')} data-testid="label-legit">Legit</button>
        </div>
      ) : <p className="hint">Your role cannot label events.</p>}
      {message ? <div className={`alert ${message.tone}`} data-testid="label-message">{message.text}</div> : null}
    </div>
  );
}
