'use client';
// Label one item from its detail page: optimistic, with the same version check as the queue (409 → conflict message).
// The page keys this component by label and version, so a refresh after a change remounts it with fresh props.
import { useRouter } from 'next/navigation';
import { useEffect, useEffectEvent, useState } from 'react';
import { ApiClientError } from '@/lib/client/api';
import { type LabelValue, useLabelOne } from '@/lib/client/review';
import { formatDateTime } from '@/lib/format';
import { LabelBadge } from '@/components/scoring/band-badge';

interface Props { id: string; label: string | null; version: number; labelledBy: string | null; labelledAt: string | null; canLabel: boolean }

export function LabelPanel({ id, label, version, labelledBy, labelledAt, canLabel }: Props) {
  const router = useRouter();
  const mutation = useLabelOne(id);
  const [shown, setShown] = useState({ label, version });
  const [conflict, setConflict] = useState<string | null>(null);

  function apply(next: LabelValue | null) {
    const before = shown;
    setConflict(null);
    setShown({ ...shown, label: next });
    mutation.mutate({ label: next, expectedVersion: before.version }, {
      onSuccess: (item) => { setShown({ label: item.label, version: item.version }); router.refresh(); },
      onError: (err) => {
        setShown(before);
        if (err instanceof ApiClientError && err.status === 409) setConflict(err.message);
      },
    });
  }
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (!canLabel || e.metaKey || e.ctrlKey || e.altKey || (e.target instanceof HTMLElement && ['INPUT', 'SELECT', 'TEXTAREA'].includes(e.target.tagName))) return;
    if (e.key === 'f') apply('fraud');
    else if (e.key === 'l') apply('legit');
    else if (e.key === 'u' && shown.label) apply(null);
  });
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="card" data-testid="label-panel">
      <h2>Label</h2>
      <div className="label-now">
        <LabelBadge label={shown.label} />
        <span className="muted small" data-testid="labelled-by">
          {shown.label && labelledBy && shown.label === label ? <>by <strong>{labelledBy}</strong> · {formatDateTime(labelledAt)}</> : shown.label ? 'saving…' : 'Not labelled yet.'}
        </span>
      </div>
      {canLabel ? (
        <div className="actions section">
          <button className="btn danger" disabled={mutation.isPending || shown.label === 'fraud'} onClick={() => apply('fraud')} data-testid="detail-fraud">Fraud <kbd>f</kbd></button>
          <button className="btn" disabled={mutation.isPending || shown.label === 'legit'} onClick={() => apply('legit')} data-testid="detail-legit">Legit <kbd>l</kbd></button>
          {shown.label ? <button className="btn" disabled={mutation.isPending} onClick={() => apply(null)} data-testid="detail-unlabel">Remove label <kbd>u</kbd></button> : null}
        </div>
      ) : <p className="muted small">Your role can read but not label.</p>}
      {conflict ? (
        <div className="alert warn" role="alert" data-testid="label-conflict">
          {conflict} <button className="linkish" onClick={() => { setConflict(null); router.refresh(); }}>Reload</button>
        </div>
      ) : mutation.error ? <div className="alert error" data-testid="label-error">{mutation.error.message}</div> : null}
    </div>
  );
}
