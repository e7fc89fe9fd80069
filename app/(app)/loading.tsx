// One skeleton for every page of the app: each segment streams in behind it.
export default function Loading() {
  return (
    <div aria-busy="true" data-testid="loading">
      <div className="skeleton" style={{ width: 180, height: 26, marginBottom: 10 }} />
      <div className="skeleton" style={{ width: '60%', height: 14, marginBottom: 24 }} />
      <div className="skeleton" style={{ height: 260 }} />
    </div>
  );
}
