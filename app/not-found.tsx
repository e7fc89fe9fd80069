import Link from 'next/link';

export const metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <div className="login-wrap">
      <div className="card" data-testid="not-found" style={{ maxWidth: 480 }}>
        <h1>Page not found</h1>
        <p className="lead">There is nothing at this address. It may have moved, or the link may be mistyped.</p>
        <Link className="btn primary" href="/" data-testid="not-found-home">Back to the overview</Link>
      </div>
    </div>
  );
}
