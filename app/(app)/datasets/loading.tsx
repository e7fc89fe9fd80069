export default function Loading() {
  return <div className="card hint" data-testid="datasets-loading">Loading datasets…</div>;
}
