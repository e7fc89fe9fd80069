'use client';
// "Create an event type from this CSV": the head of a file (or pasted text) → POST /api/event-types/infer →
// the editor, prefilled → create → optionally import the whole file as a dataset of the new type.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { draftOf, typeNameFromFile } from '@/lib/client/definition-draft';
import { type EventTypeDetailView, importEventCsv, INFER_BYTES, useInferEventType } from '@/lib/client/event-types';
import { DefinitionEditor } from './definition-editor';
import { formatCount } from '@/lib/format';

/** `file`: a file already picked (the dataset import wizard hands over its own). */
export function CsvStart({ file: given }: { file?: File } = {}) {
  const router = useRouter();
  const infer = useInferEventType();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [created, setCreated] = useState<EventTypeDetailView | null>(null);
  const [datasetName, setDatasetName] = useState('');
  const [label, setLabel] = useState('');
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);

  async function start(f: File) {
    setFile(f); setCreated(null); setImportError(null);
    setDatasetName(f.name.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 80) || 'dataset');
    const csv = await f.slice(0, INFER_BYTES).text();
    const name = typeNameFromFile(f.name);
    infer.mutate({ csv, ...(name ? { name } : {}) }, { onSuccess: (r) => setLabel(r.ignored[0] ?? '') });
  }

  async function runImport() {
    if (!file || !created) return;
    setImporting(true); setImportError(null);
    try {
      const v = await importEventCsv(file, { name: datasetName, eventType: created.name, label });
      router.push(`/datasets/versions/${v.id}`);
    } catch (err) {
      setImportError((err as Error).message);
      setImporting(false);
    }
  }

  const columns = infer.data ? [...infer.data.ignored, ...infer.data.definition.fields.map((f) => f.name)] : [];
  return (
    <div className="grid" data-testid="csv-start">
      <div className="card">
        {given ? (
          <div className="row">
            <span>From <strong className="mono">{given.name}</strong></span>
            <button type="button" className="btn sm primary" disabled={infer.isPending} data-testid="type-csv-suggest-file" onClick={() => void start(given)}>Suggest a definition</button>
          </div>
        ) : <>
        <div className="field">
          <label htmlFor="type-csv-file">CSV file</label>
          <input id="type-csv-file" type="file" accept=".csv,text/csv" data-testid="type-csv-file" disabled={infer.isPending}
            onChange={(e) => { const f = e.target.files?.[0]; if (f) void start(f); }} />
          <span className="hint">Only the first {INFER_BYTES / 1024} KB is read to suggest the definition; nothing is stored until you create the type.</span>
        </div>
        <div className="field">
          <label htmlFor="type-csv-text">…or paste the first rows (with the header)</label>
          <textarea id="type-csv-text" className="mono" rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} data-testid="type-csv-text" />
          <button type="button" className="btn sm" disabled={!pasted.trim() || infer.isPending} data-testid="type-csv-suggest"
            onClick={() => void start(new File([pasted.endsWith('\n') ? pasted : `${pasted}\n`], 'pasted.csv', { type: 'text/csv' }))}>Suggest a definition</button>
        </div>
        </>}
        {infer.isPending ? <div className="hint">Reading the sample…</div> : null}
        {infer.error ? <div className="alert error" data-testid="infer-error">{infer.error.message}</div> : null}
        {infer.data ? (
          <div data-testid="infer-notes">
            <p className="hint">Suggested from {formatCount(infer.data.rowsRead)} sample row(s). Review it before creating.</p>
            {infer.data.notes.length ? <ul className="small">{infer.data.notes.map((n) => <li key={n}>{n}</li>)}</ul> : null}
          </div>
        ) : null}
      </div>

      {infer.data && !created ? (
        <DefinitionEditor key={`${file?.name}-${file?.size}-${file?.lastModified}`} initial={draftOf(infer.data.definition)} existing={null} canWrite onSaved={setCreated} />
      ) : null}

      {created ? (
        <div className="card" data-testid="csv-created">
          <div className="alert success">Created <Link href={`/event-types/${created.name}`} className="mono">{created.name}</Link> (version {created.currentVersion}).</div>
          <h2>Import this file as training data</h2>
          <div className="row">
            <div className="field">
              <label htmlFor="csv-dataset-name">Dataset name</label>
              <input id="csv-dataset-name" value={datasetName} onChange={(e) => setDatasetName(e.target.value)} data-testid="csv-dataset-name" />
            </div>
            <div className="field">
              <label htmlFor="csv-label">Label column</label>
              <select id="csv-label" value={label} onChange={(e) => setLabel(e.target.value)} data-testid="csv-label">
                <option value="" disabled>Pick a column…</option>
                {columns.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </div>
            <button type="button" className="btn primary" disabled={importing || !label || !datasetName} onClick={() => void runImport()} data-testid="csv-import">
              {importing ? 'Importing…' : 'Import as a dataset'}
            </button>
            <Link className="btn" href={`/event-types/${created.name}`} data-testid="csv-skip-import">Skip, open the type</Link>
          </div>
          {importError ? <div className="alert error" data-testid="csv-import-error">{importError}</div> : null}
        </div>
      ) : null}
    </div>
  );
}
