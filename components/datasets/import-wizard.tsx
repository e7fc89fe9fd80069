'use client';
// Import a CSV: pick a file (or a server path) → preview → map columns → upload with progress → version page.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { CsvStart } from '@/components/event-types/csv-start';
import { uploadCsv, useImportPath, usePreview } from '@/lib/client/datasets';
import { ImportPathInput, ImportQuery, type ImportedVersion } from '@/lib/schemas/datasets';
import { initialMapping, MappingForm, type Mapping } from './mapping-form';
import { PreviewTable } from './preview-table';

type Mode = 'upload' | 'path';
const firstIssue = (e: { issues: { path: PropertyKey[]; message: string }[] }) => e.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`)[0];

export function ImportWizard() {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [serverPath, setServerPath] = useState('');
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asEventType, setAsEventType] = useState(false);
  const preview = usePreview();
  const importPath = useImportPath();
  const busy = progress !== null || importPath.isPending;

  function reset(next: Mode) {
    setMode(next); setMapping(null); setError(null); setProgress(null); preview.reset();
  }

  function loadPreview(input: { file: File } | { path: string }, name: string) {
    setError(null); setMapping(null);
    preview.mutate(input, { onSuccess: (p) => setMapping(initialMapping(p, name)) });
  }

  const done = (v: ImportedVersion) => router.push(`/datasets/versions/${v.id}`);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!mapping) return;
    setError(null);
    const opt = (v: string) => v || undefined;
    if (mode === 'path') {
      const parsed = ImportPathInput.safeParse({
        path: serverPath, name: mapping.name, kind: mapping.kind, labelColumn: mapping.label, timestampColumn: opt(mapping.timestamp),
        idColumn: opt(mapping.id), aggregate: mapping.aggregate ? { by: mapping.aggregate } : undefined,
      });
      if (!parsed.success) return setError(firstIssue(parsed.error));
      return importPath.mutate(parsed.data, { onSuccess: done, onError: (err) => setError(err.message) });
    }
    const parsed = ImportQuery.safeParse({ name: mapping.name, kind: mapping.kind, label: mapping.label, timestamp: opt(mapping.timestamp), id: opt(mapping.id), aggregate: opt(mapping.aggregate) });
    if (!parsed.success) return setError(firstIssue(parsed.error));
    if (!file) return;
    setProgress(0);
    try {
      done(await uploadCsv(file, parsed.data, setProgress));
    } catch (err) {
      setProgress(null);
      setError((err as Error).message);
    }
  }

  const pct = progress === null ? 0 : Math.round(progress * 100);
  return (
    <div className="grid">
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={mode === 'upload'} className={mode === 'upload' ? 'active' : ''} onClick={() => reset('upload')} data-testid="tab-upload">Upload a file</button>
        <button role="tab" aria-selected={mode === 'path'} className={mode === 'path' ? 'active' : ''} onClick={() => reset('path')} data-testid="tab-path">Server path</button>
      </div>
      <div className="card">
        {mode === 'upload' ? (
          <div className="field">
            <label htmlFor="csv-file">CSV file</label>
            <input id="csv-file" type="file" accept=".csv,text/csv" data-testid="csv-file" disabled={busy}
              onChange={(e) => { const f = e.target.files?.[0] ?? null; setFile(f); setAsEventType(false); if (f) loadPreview({ file: f }, f.name); }} />
            <span className="hint">Only the first 64 KB is sent for the preview; the whole file is streamed on import.</span>
            <span className="hint">Events in your own shape? {file ? <button type="button" className="btn sm" data-testid="create-event-type-from-csv" onClick={() => setAsEventType(!asEventType)}>{asEventType ? 'Back to a plain dataset import' : 'Create an event type from this CSV'}</button> : <Link href="/event-types/new?fromCsv=1">Create an event type from a CSV</Link>} and import the file as that type.</span>
          </div>
        ) : (
          <div className="row">
            <div className="field" style={{ flex: 1 }}>
              <label htmlFor="server-path">Path in the server&apos;s import directory</label>
              <input id="server-path" className="mono" value={serverPath} onChange={(e) => setServerPath(e.target.value)} placeholder="fraudTest.csv" data-testid="server-path" />
              <span className="hint">Relative to the import directory (VIGIL_IMPORT_DIR, by default data/imports); files elsewhere cannot be read.</span>
            </div>
            <div className="field">
              <button className="btn" disabled={!serverPath.trim() || preview.isPending} data-testid="path-preview"
                onClick={() => loadPreview({ path: serverPath.trim() }, serverPath.trim().split('/').pop() ?? 'dataset')}>Preview</button>
            </div>
          </div>
        )}
        {preview.isPending ? <div className="hint" data-testid="preview-loading">Reading the start of the file…</div> : null}
        {preview.error ? <div className="alert error" data-testid="preview-error">{preview.error.message}</div> : null}
      </div>

      {asEventType && file && mode === 'upload' ? <CsvStart key={`${file.name}-${file.size}-${file.lastModified}`} file={file} /> : preview.data && mapping ? (
        <>
          <div className="card">
            <h2>Preview</h2>
            <p className="hint">
              {preview.data.header.length} columns, first {preview.data.rows.length} rows{preview.data.truncated ? ' (from the first 64 KB)' : ''}.
            </p>
            {preview.data.warnings.map((w) => <div className="alert error" key={w}>{w}</div>)}
            <PreviewTable header={preview.data.header} rows={preview.data.rows} types={preview.data.types} />
          </div>
          <form className="card" onSubmit={submit} data-testid="import-form">
            <h2>Columns</h2>
            <MappingForm preview={preview.data} value={mapping} onChange={setMapping} />
            {error ? <div className="alert error" data-testid="import-error">{error}</div> : null}
            {progress !== null ? (
              <div className="dataset-progress" data-testid="upload-progress">
                <div className="progress" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}><div style={{ width: `${pct}%` }} /></div>
                <span className="hint" data-testid="upload-progress-text">{pct < 100 ? `Uploading… ${pct}%` : 'Uploaded 100%: checking and storing on the server…'}</span>
              </div>
            ) : null}
            {importPath.isPending ? <div className="hint" data-testid="import-pending">Importing from the server path…</div> : null}
            <button className="btn primary" disabled={busy || !mapping.label} data-testid="import-submit">{mode === 'upload' ? 'Upload and import' : 'Import'}</button>
          </form>
        </>
      ) : null}
    </div>
  );
}
