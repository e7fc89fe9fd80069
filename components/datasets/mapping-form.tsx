'use client';
// Column mapping for an import: the preview's suggestions pre-fill it; the user confirms or changes them.
import type { CsvPreview, DatasetKind } from '@/lib/schemas/datasets';

export interface Mapping { name: string; kind: DatasetKind; label: string; timestamp: string; id: string; aggregate: string }

export function initialMapping(preview: CsvPreview, fileName: string): Mapping {
  const s = preview.suggestions;
  const name = fileName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 80) || 'dataset';
  return {
    name, kind: s.aggregateBy ? 'tabular' : s.kind, label: s.labelCandidates[0] ?? '',
    timestamp: s.aggregateBy ? '' : (s.timestampCandidates[0] ?? ''), id: s.aggregateBy ? '' : (s.idCandidates[0] ?? ''), aggregate: s.aggregateBy ?? '',
  };
}

function ColumnSelect({ id, label, value, columns, onChange, optional, hint }: {
  id: string; label: string; value: string; columns: string[]; onChange: (v: string) => void; optional?: boolean; hint?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={id}>
        {optional ? <option value="">(none)</option> : <option value="" disabled>Pick a column…</option>}
        {columns.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
      {hint ? <span className="hint">{hint}</span> : null}
    </div>
  );
}

export function MappingForm({ preview, value, onChange }: { preview: CsvPreview; value: Mapping; onChange: (m: Mapping) => void }) {
  const set = <K extends keyof Mapping>(k: K) => (v: Mapping[K]) => onChange({ ...value, [k]: v });
  const s = preview.suggestions;
  return (
    <div className="dataset-mapping" data-testid="mapping-form">
      <div className="field">
        <label htmlFor="dataset-name">Dataset name</label>
        <input id="dataset-name" value={value.name} onChange={(e) => set('name')(e.target.value)} data-testid="dataset-name" />
        <span className="hint">An existing name gets a new version; the old ones never change.</span>
      </div>
      <div className="field">
        <label htmlFor="dataset-kind">Kind</label>
        <select id="dataset-kind" value={value.kind} onChange={(e) => set('kind')(e.target.value as DatasetKind)} data-testid="dataset-kind">
          <option value="email">email</option><option value="transaction">transaction</option><option value="tabular">tabular</option>
        </select>
        <span className="hint">Suggested: {s.kind}{s.emailColumn ? ` (email column ${s.emailColumn})` : ''}</span>
      </div>
      <ColumnSelect id="label-column" label="Label column" value={value.label} columns={preview.header} onChange={set('label')}
        hint={s.labelCandidates.length ? `Candidates: ${s.labelCandidates.join(', ')}` : 'No obvious label column: pick the one that says fraud (1) or legit (0).'} />
      <ColumnSelect id="timestamp-column" label="Timestamp column" value={value.timestamp} columns={preview.header} onChange={set('timestamp')} optional
        hint={s.timestampCandidates.length ? `Candidates: ${s.timestampCandidates.join(', ')}` : 'Optional: enables time-ordered splits.'} />
      <ColumnSelect id="id-column" label="Id column" value={value.id} columns={preview.header} onChange={set('id')} optional />
      <ColumnSelect id="aggregate-column" label="Aggregate rows per" value={value.aggregate} columns={preview.header} onChange={set('aggregate')} optional
        hint={s.aggregateBy ? `${s.aggregateBy} repeats: event rows become one row per ${s.aggregateBy}.` : 'Optional: one row per entity (event logs).'} />
    </div>
  );
}
