'use client';
import { useRouter, useSearchParams } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { LoginInput } from '@/lib/schemas/auth';
import { safeCallbackPath } from '@/lib/schemas/callback-url';

/** The server's throttle answers `rate_limited:<seconds>`. */
function throttledMessage(error: string | null | undefined): string | null {
  const seconds = /^rate_limited:(\d+)$/.exec(error ?? '')?.[1];
  if (!seconds) return null;
  const wait = Number(seconds) < 90 ? `${seconds} seconds` : `${Math.ceil(Number(seconds) / 60)} minutes`;
  return `Too many failed sign-ins. Try again in ${wait}.`;
}

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = LoginInput.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) return setError('Enter a valid email and your password.');
    setPending(true);
    setError(null);
    const res = await signIn('credentials', { ...parsed.data, redirect: false }).catch(() => null);
    setPending(false);
    if (!res) return setError('Signing in failed. Reload the page and try again.');
    if (res.status === 429) return setError(throttledMessage(res.error) ?? 'Too many failed sign-ins. Wait a few minutes and try again.');
    if (!res.ok) return setError('Wrong email or password.');
    // Only a path on this site: `//host`, `/\host` and absolute URLs would leave it.
    router.replace(safeCallbackPath(params.get('callbackUrl')) ?? '/');
    router.refresh();
  }

  return (
    <form className="card login" onSubmit={submit} data-testid="login-form">
      <div className="brand" style={{ color: 'var(--text)', padding: '0 0 8px' }}>Vig<span>il</span></div>
      <p className="lead">Sign in to fraud operations.</p>
      {error ? <div className="alert error" role="alert" data-testid="login-error">{error}</div> : null}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button className="btn primary" style={{ width: '100%', justifyContent: 'center' }} disabled={pending} data-testid="login-submit">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
