import Link from 'next/link';

/** `what` completes "Your role (viewer) cannot …", e.g. "manage API tokens". */
export function Forbidden({ role, what }: { role: string; what: string }) {
  return (
    <div className="card" data-testid="forbidden">
      <h1>Not allowed</h1>
      <p className="lead">
        Your role (<strong>{role}</strong>) cannot {what}. Ask an administrator if you need access.
      </p>
      <Link className="btn" href="/">Back to the overview</Link>
    </div>
  );
}
