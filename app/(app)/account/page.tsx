import { AccountForm } from '@/components/users/account-form';
import { ungatedPrincipal } from '@/lib/server/access/ungated-session';
import { getUser } from '@/lib/server/access/users-admin';
import { SCOPE_PHRASES, PERMISSIONS } from '@/lib/server/access/rbac';

export const metadata = { title: 'Account' };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const who = await ungatedPrincipal();
  const user = await getUser(who.id);
  const required = user.mustChangePassword || (await searchParams).required === '1';
  const can = [...PERMISSIONS[who.role]].map((s) => SCOPE_PHRASES[s]);
  return (
    <>
      <h1 data-testid="page-title">Account</h1>
      <p className="lead">{who.name} · {who.label} · role <strong data-testid="account-role">{who.role}</strong></p>
      {user.mustChangePassword ? (
        <div className="alert warn" role="alert" data-testid="password-required">
          Your password was generated or reset by an administrator. Choose your own before you continue.
        </div>
      ) : null}
      {user.authSource === 'password'
        ? <AccountForm email={who.label} required={required} />
        : <div className="card"><p>You sign in with single sign-on; change your password with your identity provider.</p></div>}
      <div className="card" style={{ marginTop: 16, maxWidth: 480 }}>
        <h2>Your role ({who.role}) can</h2>
        <p className="small">{can.join(', ')}.</p>
      </div>
    </>
  );
}
