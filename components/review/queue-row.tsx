'use client';
import { forwardRef } from 'react';
import { formatDateTime, formatMoney, formatScore } from '@/lib/format';
import type { QueueItem } from '@/lib/client/review';
import { BandBadge } from '@/components/scoring/band-badge';


interface Props { item: QueueItem; selected: boolean; checked: boolean; selectable: boolean; onSelect: () => void; onOpen: () => void; onCheck: () => void }

export const QueueRow = forwardRef<HTMLTableRowElement, Props>(function QueueRow({ item, selected, checked, selectable, onSelect, onOpen, onCheck }, ref) {
  return (
    <tr ref={ref} role="row" aria-selected={selected} className={selected ? 'selected' : undefined} data-testid="queue-row" data-id={item.id}
      onMouseDown={onSelect} onClick={onOpen}>
      <td className="check-cell" onClick={(e) => e.stopPropagation()}>
        {selectable ? <input type="checkbox" aria-label={`Select ${item.externalId}`} checked={checked} onChange={onCheck} data-testid="row-check" /> : null}
      </td>
      <td className="num score-cell"><span className={`score-pill ${item.decision ?? ''}`}>{formatScore(item.score)}</span></td>
      <td><BandBadge decision={item.decision} /></td>
      <td className="num mono">{formatMoney(item.amount)}</td>
      <td className="ellipsis" title={item.merchant ?? item.email ?? ''}>{item.merchant ?? item.email ?? '–'}</td>
      <td className="muted">{item.category ?? '–'}</td>
      <td className="muted nowrap small">{formatDateTime(item.occurredAt)}</td>
      <td className="ellipsis reason-cell" title={item.reasons?.map((r) => r.text).join('\n')}>{item.reasons?.[0]?.text ?? <span className="muted">–</span>}</td>
    </tr>
  );
});
