'use client';
import { useState } from 'react';
import { ROLES, type Role } from '@/lib/schemas/common';
import { CreateTokenInput, type TokenSummary } from '@/lib/schemas/tokens';
import { useCreateToken, useRevokeToken, useTokens } from '@/lib/client/tokens';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatDateTime } from '@/lib/format';

export function TokenManager({ initial }: { initial: TokenSummary[] }) {
  const tokens = useTokens(initial);
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  // The least privileged role by default: granting more is a deliberate choice.
  const [role, setRole] = useState<Role>('viewer');
  const [revoking, setRevoking] = useState<TokenSummary | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = CreateTokenInput.safeParse({ name, role });
    if (!parsed.success) return setFormError(parsed.error.issues[0]?.message ?? 'Invalid input');
    setFormError(null);
    create.mutate(parsed.data, { onSuccess: () => setName('') });
  }

  return (
    <div className="grid">
      <form className="card" onSubmit={submit} data-testid="token-form">
        <h2>New token</h2>
        <div className="row">
          <div className="field" style={{ flex: 1 }}>
            <label htmlFor="token-name">Name</label>
            <input id="token-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. checkout-service" />
          </div>
          <div className="field">
            <label htmlFor="token-role">Role</label>
            <select id="token-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
            </select>
          </div>
          <div className="field">
            <button className="btn primary" disabled={create.isPending} data-testid="token-create">Create token</button>
          </div>
        </div>
        {formError || create.error ? <div className="alert error">{formError ?? create.error?.message}</div> : null}
        {create.data ? (
          <div data-testid="token-secret-box">
            <div className="alert success">Token created. Copy it now: it will not be shown again.</div>
            <div className="secret mono" data-testid="token-secret">{create.data.token}</div>
          </div>
        ) : null}
      </form>
      <div className="card">
        <h2>Tokens</h2>
        {tokens.data?.length ? (
          <table data-testid="token-table">
            <thead><tr><th>Name</th><th>Prefix</th><th>Role</th><th>Last used</th><th>Status</th><th /></tr></thead>
            <tbody>
              {tokens.data.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td><td className="mono">{t.prefix}…</td><td>{t.role}</td>
                  <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'never'}</td>
                  <td>{t.revokedAt ? <span className="badge danger">revoked</span> : <span className="badge ok">active</span>}</td>
                  <td>{t.revokedAt ? null : <button className="btn danger" onClick={() => { revoke.reset(); setRevoking(t); }} data-testid={`revoke-${t.name}`}>Revoke</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <div className="empty"><strong>No tokens yet</strong>Create one above for each service that calls the API.</div>
        )}
      </div>
      {revoking ? (
        <ConfirmDialog
          title={`Revoke "${revoking.name}"?`}
          description={<>Every service using this token ({revoking.role}) loses access at once. This cannot be undone.</>}
          confirmLabel="Revoke token"
          pending={revoke.isPending}
          error={revoke.error?.message}
          onConfirm={() => revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
          onClose={() => setRevoking(null)}
        />
      ) : null}
    </div>
  );
}
