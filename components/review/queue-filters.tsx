'use client';
// Queue filters live in the URL: the form writes them with router.replace and the server page reads them back.
import { usePathname, useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

export interface FilterOption { value: string; label: string }
export interface FilterField { key: string; label: string; type: 'select' | 'number' | 'date' | 'text'; options?: FilterOption[]; placeholder?: string; width?: number }

/** keep: params the form does not edit but carries along (the page's event type). */
export function UrlFilters({ fields, values, testId, keep = {} }: { fields: FilterField[]; values: Record<string, string>; testId: string; keep?: Record<string, string> }) {
  const router = useRouter();
  const pathname = usePathname();
  const [draft, setDraft] = useState(values);
  const [pending, startTransition] = useTransition();

  function apply(next: Record<string, string>) {
    const params = new URLSearchParams(keep);
    for (const f of fields) if (next[f.key]) params.set(f.key, next[f.key]);
    const qs = params.toString();
    startTransition(() => router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  }
  // Selects apply at once; typed fields apply on submit (Enter) so each keystroke doesn't reload.
  const change = (key: string, value: string, immediate: boolean) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    if (immediate) apply(next);
  };
  const active = fields.some((f) => values[f.key]);

  return (
    <form className="filters" data-testid={testId} aria-busy={pending || undefined} onSubmit={(e) => { e.preventDefault(); apply(draft); }}>
      {fields.map((f) => (
        <div className="field" key={f.key} style={f.width ? { width: f.width } : undefined}>
          <label htmlFor={`filter-${f.key}`}>{f.label}</label>
          {f.type === 'select' ? (
            <select id={`filter-${f.key}`} data-testid={`filter-${f.key}`} value={draft[f.key] ?? ''} onChange={(e) => change(f.key, e.target.value, true)}>
              {f.options!.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          ) : (
            <input id={`filter-${f.key}`} data-testid={`filter-${f.key}`} type={f.type} placeholder={f.placeholder} value={draft[f.key] ?? ''}
              step={f.type === 'number' ? 'any' : undefined} onChange={(e) => change(f.key, e.target.value, f.type === 'date')} />
          )}
        </div>
      ))}
      <div className="field filter-actions">
        <button className="btn sm primary" data-testid="filter-apply">Apply</button>
        {active ? <button type="button" className="btn sm" onClick={() => { const empty = {}; setDraft(empty); apply(empty); }}>Clear</button> : null}
      </div>
    </form>
  );
}
