'use client';
// Change one's own password. Changing it ends every session (this one included), so the form signs in
// again with the new password and carries on.
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { useChangePassword } from '@/lib/client/users';
import { ChangePasswordInput, MIN_PASSWORD_LENGTH } from '@/lib/schemas/users';
import { ApiClientError } from '@/lib/client/api';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';
const LABELS: Record<Field, string> = { currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'Repeat the new password' };

export function AccountForm({ email, required }: { email: string; required: boolean }) {
  const router = useRouter();
  const change = useChangePassword();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [done, setDone] = useState(false);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = ChangePasswordInput.safeParse(values);
    if (!parsed.success) return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
    setErrors({});
    change.mutate(parsed.data, {
      onSuccess: async () => {
        const res = await signIn('credentials', { email, password: parsed.data.newPassword, redirect: false });
        if (!res?.ok) return router.replace('/login');
        setDone(true);
        setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
        if (required) router.replace('/');
        router.refresh();
      },
      onError: (err) => {
        const fields = err instanceof ApiClientError ? err.body.fields : undefined;
        if (fields) setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v[0]])));
      },
    });
  }

  return (
    <form className="card" onSubmit={submit} noValidate data-testid="password-form" style={{ maxWidth: 480 }}>
      <h2>Change password</h2>
      <p className="muted small">At least {MIN_PASSWORD_LENGTH} characters. Your other sessions end when you change it.</p>
      {(Object.keys(LABELS) as Field[]).map((key) => (
        <div className="field" key={key}>
          <label htmlFor={key}>{LABELS[key]}</label>
          <input id={key} type="password" value={values[key]} aria-invalid={!!errors[key]}
            autoComplete={key === 'currentPassword' ? 'current-password' : 'new-password'}
            onChange={(e) => setValues({ ...values, [key]: e.target.value })} />
          {errors[key] ? <div className="field-error" data-testid={`error-${key}`}>{errors[key]}</div> : null}
        </div>
      ))}
      {change.error && !(change.error instanceof ApiClientError && change.error.body.fields) ? <div className="alert error" role="alert">{change.error.message}</div> : null}
      {done ? <div className="alert success" data-testid="password-changed">Password changed.</div> : null}
      <button className="btn primary" disabled={change.isPending} data-testid="password-submit">{change.isPending ? 'Saving…' : 'Change password'}</button>
    </form>
  );
}
