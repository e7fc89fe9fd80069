import Link from 'next/link';

/** Kind switch and page tabs for /monitoring (plain links: the state lives in the URL). */
export function MonitoringTabs({ kind, page }: { kind: string; page: 'performance' | 'shadow' }) {
  const href = (p: string, k: string) => `/monitoring${p === 'shadow' ? '/shadow' : ''}?kind=${k}`;
  return (
    <div className="row monitoring-tabs">
      <Link className={`btn sm${page === 'performance' ? ' primary' : ''}`} href={href('performance', kind)}>Labelled performance</Link>
      <Link className={`btn sm${page === 'shadow' ? ' primary' : ''}`} href={href('shadow', kind)} data-testid="shadow-tab">Champion vs challenger</Link>
      <span className="muted small">Kind:</span>
      {['transaction', 'email'].map((k) => <Link key={k} className={`btn sm${k === kind ? ' primary' : ''}`} href={href(page, k)}>{k}</Link>)}
    </div>
  );
}
