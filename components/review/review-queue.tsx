'use client';
// The analyst's queue, keyboard first: j/k move, f/l label, u undoes the last label, x ticks, Enter opens.
import { useRouter } from 'next/navigation';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { ApiClientError } from '@/lib/client/api';
import { type LabelValue, type QueueItem, type QueuePage, useBulkLabel, useLabel, useQueue, useUndoLabel } from '@/lib/client/review';
import { QueueRow } from './queue-row';
import { formatCount } from '@/lib/format';

type Notice = { kind: 'conflict' | 'error' | 'info'; text: string } | null;
interface Undoable { item: QueueItem; version: Promise<number | null> }

const typingIn = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));

export function ReviewQueue({ filters, initial, canLabel }: { filters: string; initial: QueuePage; canLabel: boolean }) {
  const router = useRouter();
  const queue = useQueue(filters, initial);
  const label = useLabel(filters);
  const undo = useUndoLabel(filters);
  const bulk = useBulkLabel(filters);
  const items = queue.data.items;
  const [cursor, setCursor] = useState<{ id: string | null; index: number }>({ id: items[0]?.id ?? null, index: 0 });
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<Notice>(null);
  const undoStack = useRef<Undoable[]>([]);
  const rows = useRef(new Map<string, HTMLTableRowElement>());

  // Selection follows the item; when it leaves the queue the next one slides into the same slot.
  const found = items.findIndex((i) => i.id === cursor.id);
  const index = found >= 0 ? found : Math.min(cursor.index, items.length - 1);
  const current = index >= 0 ? items[index] : undefined;
  const select = (i: number) => items[i] && setCursor({ id: items[i].id, index: i });

  const fail = (err: unknown) => {
    const conflict = err instanceof ApiClientError && err.status === 409;
    setNotice({ kind: conflict ? 'conflict' : 'error', text: err instanceof Error ? err.message : 'Labelling failed.' });
  };

  function labelOne(item: QueueItem, value: LabelValue) {
    setNotice(null);
    setChecked((prev) => { const n = new Set(prev); n.delete(item.id); return n; });
    const version = label.mutateAsync({ item, label: value }).then((u) => u.version, (err) => { fail(err); return null; });
    undoStack.current.push({ item, version });
  }

  async function undoLast() {
    const last = undoStack.current.pop();
    if (!last) return setNotice({ kind: 'info', text: 'Nothing to undo.' });
    const version = await last.version;
    if (version === null) return;
    setNotice(null);
    setCursor({ id: last.item.id, index });
    undo.mutate({ item: last.item, expectedVersion: version }, { onError: fail, onSuccess: () => setNotice({ kind: 'info', text: `Label removed from ${last.item.externalId}.` }) });
  }

  function labelChecked(value: LabelValue) {
    const picked = items.filter((i) => checked.has(i.id));
    if (!picked.length) return;
    setNotice(null);
    setChecked(new Set());
    bulk.mutate({ items: picked, label: value }, {
      onError: fail,
      onSuccess: (r) => {
        const failed = r.results.filter((x) => !x.ok);
        setNotice(failed.length
          ? { kind: 'conflict', text: `${r.labelled} labelled ${value}; ${failed.length} changed meanwhile: ${failed[0].error?.message ?? ''}` }
          : { kind: 'info', text: `${r.labelled} item(s) labelled ${value}.` });
      },
    });
  }

  const toggle = (id: string) => setChecked((prev) => { const n = new Set(prev); if (n.has(id)) n.delete(id); else n.add(id); return n; });

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.metaKey || e.ctrlKey || e.altKey || typingIn(e.target)) return;
    const k = e.key;
    if (k === 'j' || k === 'ArrowDown') select(Math.min(index + 1, items.length - 1));
    else if (k === 'k' || k === 'ArrowUp') select(Math.max(index - 1, 0));
    else if (k === 'Enter' && current) router.push(`/review/${current.id}`);
    else if (canLabel && k === 'f' && current) labelOne(current, 'fraud');
    else if (canLabel && k === 'l' && current) labelOne(current, 'legit');
    else if (canLabel && k === 'u') void undoLast();
    else if (canLabel && k === 'x' && current) toggle(current.id);
    else return;
    e.preventDefault();
  });
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (current) rows.current.get(current.id)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const allChecked = items.length > 0 && items.every((i) => checked.has(i.id));
  return (
    <div className="card queue-card">
      <div className="queue-bar">
        <div>
          <strong data-testid="queue-count">{formatCount(queue.data.total)}</strong> <span className="muted">unlabelled to review</span>
          {queue.data.total > items.length ? <span className="muted small"> · showing the riskiest {items.length}; more load as you label</span> : null}
        </div>
        {canLabel ? (
          <div className="actions">
            <span className="muted small">{checked.size ? `${checked.size} selected` : 'Tick rows with x'}</span>
            <button className="btn sm danger" disabled={!checked.size || bulk.isPending} onClick={() => labelChecked('fraud')} data-testid="bulk-fraud">Label selected fraud</button>
            <button className="btn sm" disabled={!checked.size || bulk.isPending} onClick={() => labelChecked('legit')} data-testid="bulk-legit">Label selected legit</button>
          </div>
        ) : <span className="muted small">Read only: your role cannot label.</span>}
      </div>
      {notice ? (
        <div className={`alert ${notice.kind === 'info' ? 'success' : notice.kind === 'conflict' ? 'warn' : 'error'} notice`} role={notice.kind === 'info' ? 'status' : 'alert'}
          data-testid={notice.kind === 'conflict' ? 'label-conflict' : notice.kind === 'error' ? 'label-error' : 'label-info'}>
          {notice.text}
          <button className="linkish" onClick={() => setNotice(null)} aria-label="Dismiss">×</button>
        </div>
      ) : null}
      {items.length ? (
        <div className="table-scroll">
          <table className="queue-table" role="grid" aria-label="Review queue" data-testid="queue-table">
            <thead>
              <tr>
                <th className="check-cell">{canLabel ? <input type="checkbox" aria-label="Select all" checked={allChecked} onChange={() => setChecked(allChecked ? new Set() : new Set(items.map((i) => i.id)))} /> : null}</th>
                <th className="num">Score</th><th>Band</th><th className="num">Amount</th><th>Merchant</th><th>Category</th><th>Time</th><th>Top reason</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <QueueRow key={item.id} item={item} selected={i === index} checked={checked.has(item.id)} selectable={canLabel}
                  ref={(el) => { if (el) rows.current.set(item.id, el); else rows.current.delete(item.id); }}
                  onSelect={() => select(i)} onOpen={() => router.push(`/review/${item.id}`)} onCheck={() => toggle(item.id)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="empty" data-testid="queue-empty">
          <strong>{filters ? 'Nothing matches these filters' : 'The queue is clear'}</strong>
          {filters ? 'Clear or widen the filters to see more items.' : 'New review and block items arrive as transactions are ingested through POST /api/transactions.'}
        </div>
      )}
      <div className="kbd-help muted small">
        <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>f</kbd> fraud · <kbd>l</kbd> legit · <kbd>u</kbd> undo · <kbd>x</kbd> tick · <kbd>Enter</kbd> open
      </div>
    </div>
  );
}
