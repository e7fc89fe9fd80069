'use client';
import { useSearchParams } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { SSO_ERRORS, SSO_FLOW_ERROR_MESSAGE, SSO_FLOW_ERRORS } from '@/lib/schemas/oidc';

/** Only same-origin paths: `//host` and `/\host` would leave the site. */
const safePath = (p: string | null) => (p && /^\/(?![/\\])/.test(p) ? p : '/');

function errorMessage(code: string | null): string | null {
  if (!code) return null;
  if (Object.hasOwn(SSO_ERRORS, code)) return SSO_ERRORS[code as keyof typeof SSO_ERRORS];
  return SSO_FLOW_ERRORS.has(code) ? SSO_FLOW_ERROR_MESSAGE : null;
}

/** The single sign-on button under the password form; the server says whether SSO is configured. */
export function SsoButton({ sso }: { sso: { id: string; label: string } | null }) {
  const params = useSearchParams();
  const [pending, setPending] = useState(false);
  if (!sso) return null;
  const error = errorMessage(params.get('error'));

  return (
    <div className="card login" data-testid="sso">
      {error ? <div className="alert error" role="alert" data-testid="sso-error">{error}</div> : null}
      <button
        type="button"
        className="btn"
        style={{ width: '100%', justifyContent: 'center' }}
        disabled={pending}
        data-testid="sso-button"
        onClick={() => {
          setPending(true);
          void signIn(sso.id, { callbackUrl: safePath(params.get('callbackUrl')) });
        }}
      >
        {pending ? 'Redirecting…' : sso.label}
      </button>
    </div>
  );
}
