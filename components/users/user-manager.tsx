'use client';
// Admins: the people who sign in, with role, status, last sign-in and source; create, change role,
// disable/enable and reset a password (the temporary password is shown once).
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useCreateUser, useResetPassword, useUpdateUser, useUsers } from '@/lib/client/users';
import { ROLES, type Role } from '@/lib/schemas/common';
import { CreateUserInput, MIN_PASSWORD_LENGTH, type UserSummary } from '@/lib/schemas/users';
import { formatDateTime } from '@/lib/format';

const when = (iso: string | null) => (iso ? formatDateTime(iso) : 'never');

function SecretOnce({ email, password, onDone }: { email: string; password: string; onDone: () => void }) {
  return (
    <div data-testid="temp-password-box">
      <div className="alert success">
        Temporary password for <strong>{email}</strong>. Copy it now: it is shown once, and {email} must change it at first sign-in.
      </div>
      <div className="secret mono" data-testid="temp-password">{password}</div>
      <button type="button" className="btn" style={{ marginTop: 8 }} onClick={onDone}>Done</button>
    </div>
  );
}

function CreateUserForm() {
  const create = useCreateUser();
  const [form, setForm] = useState({ email: '', name: '', role: 'viewer' as Role });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<{ email: string; password: string } | null>(null);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = CreateUserInput.safeParse(form);
    if (!parsed.success) return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (r) => {
        setForm({ email: '', name: '', role: 'viewer' });
        if (r.temporaryPassword) setShown({ email: r.user.email, password: r.temporaryPassword });
      },
    });
  }
  const field = (key: 'email' | 'name', label: string, type = 'text') => (
    <div className="field" style={{ flex: 1 }}>
      <label htmlFor={`user-${key}`}>{label}</label>
      <input id={`user-${key}`} type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} aria-invalid={!!errors[key]} />
      {errors[key] ? <div className="field-error">{errors[key]}</div> : null}
    </div>
  );

  return (
    <form className="card" onSubmit={submit} data-testid="user-form">
      <h2>New user</h2>
      <p className="muted small">They get a temporary password, shown here once, and choose their own at first sign-in.</p>
      <div className="row">
        {field('email', 'Email', 'email')}
        {field('name', 'Name')}
        <div className="field">
          <label htmlFor="user-role">Role</label>
          <select id="user-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </div>
        <div className="field">
          <button className="btn primary" disabled={create.isPending} data-testid="user-create">Create user</button>
        </div>
      </div>
      {create.error ? <div className="alert error" role="alert">{create.error.message}</div> : null}
      {shown ? <SecretOnce email={shown.email} password={shown.password} onDone={() => setShown(null)} /> : null}
    </form>
  );
}

type Pending = { kind: 'disable' | 'reset'; user: UserSummary };

export function UserManager({ initial, selfId }: { initial: UserSummary[]; selfId: string }) {
  const users = useUsers(initial);
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [pending, setPending] = useState<Pending | null>(null);
  const [resetShown, setResetShown] = useState<{ email: string; password: string } | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const onError = (e: Error) => setRowError(e.message);

  function confirm() {
    if (!pending) return;
    if (pending.kind === 'disable') update.mutate({ id: pending.user.id, disabled: true }, { onSuccess: () => setPending(null) });
    else reset.mutate(pending.user.id, { onSuccess: (r) => { setPending(null); setResetShown({ email: r.user.email, password: r.temporaryPassword }); } });
  }

  return (
    <div className="grid">
      <CreateUserForm />
      <div className="card">
        <h2>Users</h2>
        <p className="muted small">New passwords need at least {MIN_PASSWORD_LENGTH} characters. Role changes apply at the user&apos;s next click; disabling ends their sessions and revokes the API tokens they created.</p>
        {rowError ? <div className="alert error" role="alert" data-testid="users-error">{rowError}</div> : null}
        {resetShown ? <SecretOnce email={resetShown.email} password={resetShown.password} onDone={() => setResetShown(null)} /> : null}
        <table data-testid="users-table">
          <thead><tr><th>Name</th><th>Email</th><th>Role</th><th>Status</th><th>Last sign-in</th><th>Sign-in</th><th /></tr></thead>
          <tbody>
            {users.data?.map((u) => (
              <tr key={u.id} data-testid={`user-row-${u.email}`}>
                <td>{u.name}{u.id === selfId ? <span className="muted"> (you)</span> : null}</td>
                <td>{u.email}</td>
                <td>
                  <select aria-label={`Role of ${u.email}`} value={u.role} disabled={update.isPending}
                    onChange={(e) => { setRowError(null); update.mutate({ id: u.id, role: e.target.value as Role }, { onError }); }}>
                    {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
                  </select>
                </td>
                <td>
                  {u.disabled ? <span className="badge danger">disabled</span> : <span className="badge ok">active</span>}
                  {u.mustChangePassword && !u.disabled ? <span className="badge warn" style={{ marginLeft: 4 }}>must change password</span> : null}
                </td>
                <td>{when(u.lastLoginAt)}</td>
                <td>{u.authSource === 'oidc' ? 'single sign-on' : 'password'}</td>
                <td className="nowrap">
                  {u.disabled
                    ? <button className="btn" onClick={() => { setRowError(null); update.mutate({ id: u.id, disabled: false }, { onError }); }} data-testid={`enable-${u.email}`}>Enable</button>
                    : <button className="btn danger" onClick={() => { update.reset(); setPending({ kind: 'disable', user: u }); }} data-testid={`disable-${u.email}`}>Disable</button>}
                  {u.authSource === 'password' ? (
                    <button className="btn" style={{ marginLeft: 6 }} onClick={() => { reset.reset(); setPending({ kind: 'reset', user: u }); }} data-testid={`reset-${u.email}`}>Reset password</button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pending ? (
        <ConfirmDialog
          title={pending.kind === 'disable' ? `Disable ${pending.user.email}?` : `Reset the password of ${pending.user.email}?`}
          description={pending.kind === 'disable'
            ? 'Their open sessions end at once and every API token they created is revoked. You can enable the account again later; revoked tokens stay revoked.'
            : 'Their current password stops working and their sessions end. You get a temporary password to pass on; they must change it at sign-in.'}
          confirmLabel={pending.kind === 'disable' ? 'Disable user' : 'Reset password'}
          pending={update.isPending || reset.isPending}
          error={(pending.kind === 'disable' ? update.error : reset.error)?.message}
          onConfirm={confirm}
          onClose={() => setPending(null)}
        />
      ) : null}
    </div>
  );
}
