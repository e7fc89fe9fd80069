'use client';

export default function DatasetsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card" data-testid="datasets-error">
      <h1>Datasets could not be loaded</h1>
      <div className="alert error">{error.message || 'Something went wrong.'}{error.digest ? ` (ref ${error.digest})` : ''}</div>
      <button className="btn" onClick={reset}>Try again</button>
    </div>
  );
}
