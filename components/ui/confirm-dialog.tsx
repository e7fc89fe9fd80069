'use client';
// Asks before a destructive action (revoke a token, delete a webhook, disable a user). Escape or Cancel backs out.
import { useEffect, useId, useRef } from 'react';

interface Props {
  title: string;
  description?: React.ReactNode;
  confirmLabel: string;
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmDialog({ title, description, confirmLabel, pending, error, onConfirm, onClose }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    // Focus starts on Cancel, so a stray Enter does not destroy anything.
    cancel.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog card" role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} onClick={(e) => e.stopPropagation()} data-testid="confirm-dialog">
        <h2 id={`${id}-title`}>{title}</h2>
        {description ? <div className="dialog-desc">{description}</div> : null}
        {error ? <div className="alert error" role="alert">{error}</div> : null}
        <div className="row" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn" ref={cancel} onClick={onClose} data-testid="confirm-cancel">Cancel</button>
          <button type="button" className="btn danger" disabled={pending} onClick={onConfirm} data-testid="confirm-ok">{pending ? 'Working…' : confirmLabel}</button>
        </div>
      </div>
    </div>
  );
}
