import { Suspense } from 'react';
import { LoginForm } from '@/components/auth/login-form';
import { SsoButton } from '@/components/auth/sso-button';
import { oidcLoginOption } from '@/lib/server/access/oidc-provider';

export const metadata = { title: 'Sign in' };
// Rendered per request: whether single sign-on is offered is run-time configuration.
export const dynamic = 'force-dynamic';

export default function LoginPage() {
  return (
    <div className="login-wrap" style={{ alignContent: 'center', gap: 12 }}>
      <Suspense>
        <LoginForm />
      </Suspense>
      <Suspense><SsoButton sso={oidcLoginOption()} /></Suspense>
    </div>
  );
}
