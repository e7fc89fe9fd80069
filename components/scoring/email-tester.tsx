'use client';
import Link from 'next/link';
import { useState } from 'react';
import { looksLikeEmail, useEmailScore, useSaveEmailCheck } from '@/lib/client/scoring';
import { ScoreResult } from './score-result';

const EXAMPLES = ['jane.doe@gmail.com', 'xq7zk93vw@liamg.moc', 'billing-support@paypa1.com'];

export function EmailTester({ versionId, canSave, versionLabel }: { versionId?: string; canSave: boolean; versionLabel: (id: string) => string }) {
  const [email, setEmail] = useState('');
  const score = useEmailScore(email, versionId);
  const save = useSaveEmailCheck();
  const typed = email.trim();

  return (
    <div className="tester-body">
      <div className="field">
        <label htmlFor="tester-email">Email address</label>
        <input id="tester-email" data-testid="score-email-input" className="big-input" type="text" autoComplete="off" spellCheck={false} autoFocus
          value={email} onChange={(e) => { setEmail(e.target.value); save.reset(); }} placeholder="someone@example.com" />
        <div className="hint">
          Scores as you type. Try{' '}
          {EXAMPLES.map((ex, i) => (
            <span key={ex}>{i ? ', ' : ''}<button type="button" className="linkish mono" onClick={() => setEmail(ex)}>{ex}</button></span>
          ))}
          .
        </div>
      </div>
      {score.error ? (
        <div className="alert error" data-testid="score-error">{score.error.message}</div>
      ) : !typed ? (
        <div className="empty"><strong>Type an address to score it</strong>The score, the band and the reasons appear here within a quarter of a second.</div>
      ) : !looksLikeEmail(typed) && !score.data ? (
        <div className="empty"><strong>Keep typing…</strong>An address needs a local part, an @ and a domain.</div>
      ) : !score.data ? (
        <div className="skeleton" style={{ height: 200 }} aria-busy="true" data-testid="score-loading" />
      ) : (
        <>
          <ScoreResult result={score.data} versionLabel={versionLabel(score.data.modelVersionId)} stale={score.isFetching || score.isPlaceholderData} />
          {canSave ? (
            <div className="actions section">
              <button className="btn" data-testid="score-save" disabled={save.isPending || !looksLikeEmail(typed)}
                onClick={() => save.mutate({ email: typed, ...(versionId ? { modelVersionId: versionId } : {}) })}>
                {save.isPending ? 'Saving…' : 'Save this check'}
              </button>
              {save.data?.savedId ? <span className="alert success inline" data-testid="score-saved">Saved. <Link href={`/review/${save.data.savedId}`}>Open the item →</Link></span> : null}
              {save.error ? <span className="alert error inline">{save.error.message}</span> : null}
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
