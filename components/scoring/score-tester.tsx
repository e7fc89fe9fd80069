'use client';
// The live score tester: pick a mode and a model version, then type an address or fill a transaction.
import { useState } from 'react';
import { EmailTester } from './email-tester';
import { TransactionTester } from './transaction-tester';

export interface VersionOption { id: string; label: string; stage: string }
export type TesterKind = 'email' | 'transaction';

export function ScoreTester({ versions, canSave, now }: { versions: Record<TesterKind, VersionOption[]>; canSave: boolean; now: string }) {
  const [mode, setMode] = useState<TesterKind>('email');
  const [picked, setPicked] = useState<Record<TesterKind, string>>({ email: '', transaction: '' });
  const options = versions[mode];
  const production = options.find((o) => o.stage === 'production');
  const versionId = picked[mode] || undefined;
  const versionLabel = (id: string) => options.find((o) => o.id === id)?.label ?? id;

  return (
    <div className="card tester">
      <div className="tester-bar">
        <div className="tabs" role="tablist">
          {(['email', 'transaction'] as const).map((m) => (
            <button key={m} role="tab" aria-selected={mode === m} className={mode === m ? 'active' : ''} onClick={() => setMode(m)} data-testid={`mode-${m}`}>
              {m === 'email' ? 'Email address' : 'Transaction'}
            </button>
          ))}
        </div>
        <div className="field inline-field">
          <label htmlFor="tester-version">Model version</label>
          <select id="tester-version" data-testid="version-picker" value={picked[mode]} onChange={(e) => setPicked({ ...picked, [mode]: e.target.value })}>
            <option value="">{production ? `Production (${production.label})` : 'Production (none yet)'}</option>
            {options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
          </select>
        </div>
      </div>
      {!options.length ? (
        <div className="empty" data-testid="tester-no-model">
          <strong>No {mode} model yet</strong>
          Train a {mode} model from a dataset and promote it to production; the tester scores with it from then on.
        </div>
      ) : mode === 'email' ? (
        <EmailTester versionId={versionId} canSave={canSave} versionLabel={versionLabel} />
      ) : (
        <TransactionTester versionId={versionId} versionLabel={versionLabel} now={now} />
      )}
    </div>
  );
}
