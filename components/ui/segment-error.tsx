'use client';
// Shared body of the segments' error.tsx: say what failed, offer a retry. Digests match server logs.
export function SegmentError({ what, error, reset }: { what: string; error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card" role="alert" data-testid="segment-error">
      <h1>Could not load {what}</h1>
      <p className="lead">{error.message || 'Something went wrong on the server.'}{error.digest ? <> (reference <code>{error.digest}</code>)</> : null}</p>
      <button className="btn primary" onClick={reset}>Try again</button>
    </div>
  );
}
