'use client';
// A small modal that asks for a note before a governed action (promote, stage change, rollback).
import { useEffect, useId, useRef, useState } from 'react';

interface Props {
  title: string;
  description?: React.ReactNode;
  confirmLabel: string;
  /** Notes are required for promotions (the API enforces ≥ 3 characters). */
  noteRequired?: boolean;
  pending?: boolean;
  error?: string | null;
  tone?: 'primary' | 'danger';
  onConfirm: (note: string) => void;
  onClose: () => void;
  testId?: string;
}

export function NoteDialog({ title, description, confirmLabel, noteRequired = true, pending, error, tone = 'primary', onConfirm, onClose, testId }: Props) {
  const [note, setNote] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (noteRequired && note.trim().length < 3) return setLocalError('Say why (at least 3 characters).');
    setLocalError(null);
    onConfirm(note.trim());
  }

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <form className="dialog card" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onClick={(e) => e.stopPropagation()} onSubmit={submit} data-testid={testId}>
        <h2 id={`${id}-title`}>{title}</h2>
        {description ? <div className="dialog-desc">{description}</div> : null}
        <div className="field">
          <label htmlFor={`${id}-note`}>Note{noteRequired ? '' : ' (optional)'}</label>
          <textarea id={`${id}-note`} ref={ref} rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder="Why this change? It goes into the audit trail." data-testid="note-input" />
        </div>
        {localError || error ? <div className="alert error" data-testid="note-error">{localError ?? error}</div> : null}
        <div className="row" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="submit" className={`btn ${tone}`} disabled={pending} data-testid="note-confirm">{pending ? 'Working…' : confirmLabel}</button>
        </div>
      </form>
    </div>
  );
}
