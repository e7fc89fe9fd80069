'use client';
// One Sparkov-shaped transaction, prefilled with a plausible card-present purchase; submit scores it.
import { useState } from 'react';
import { SPARKOV_CATEGORIES } from '@/lib/ml/events/seed-shapes';
import { ApiClientError } from '@/lib/client/api';
import { useScoreTransaction } from '@/lib/client/scoring';
import { ScoreResult } from './score-result';

type Field = { key: string; label: string; type?: 'number' | 'text' | 'date' | 'datetime' | 'gender'; step?: string };
const FIELDS: Field[] = [
  { key: 'amt', label: 'Amount (USD)', type: 'number', step: '0.01' },
  { key: 'cc_num', label: 'Card number' },
  { key: 'merchant', label: 'Merchant' },
  { key: 'trans_date_trans_time', label: 'Time (UTC)', type: 'datetime' },
  { key: 'lat', label: 'Card holder lat', type: 'number', step: 'any' },
  { key: 'long', label: 'Card holder long', type: 'number', step: 'any' },
  { key: 'merch_lat', label: 'Merchant lat', type: 'number', step: 'any' },
  { key: 'merch_long', label: 'Merchant long', type: 'number', step: 'any' },
  { key: 'city_pop', label: 'City population', type: 'number', step: '1' },
  { key: 'dob', label: 'Date of birth', type: 'date' },
  { key: 'gender', label: 'Gender', type: 'gender' },
  { key: 'city', label: 'City' },
  { key: 'state', label: 'State' },
  { key: 'job', label: 'Job' },
];
const NUMERIC = new Set(FIELDS.filter((f) => f.type === 'number').map((f) => f.key));

const example = (now: string): Record<string, string> => ({
  amt: '84.32', category: 'grocery_pos', cc_num: '4539146283901245', merchant: 'fraud_Kilback LLC', trans_date_trans_time: now.slice(0, 16),
  lat: '40.7128', long: '-74.006', merch_lat: '40.73', merch_long: '-73.99', city_pop: '8336817', dob: '1984-06-12', gender: 'F',
  city: 'New York', state: 'NY', job: 'Teacher, primary school', first: 'Jane', last: 'Doe',
});

export function TransactionTester({ versionId, versionLabel, now }: { versionId?: string; versionLabel: (id: string) => string; now: string }) {
  const [values, setValues] = useState(() => example(now));
  const score = useScoreTransaction();
  const set = (key: string, v: string) => setValues((prev) => ({ ...prev, [key]: v }));
  const fields = score.error instanceof ApiClientError ? score.error.body.fields ?? {} : {};

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const transaction: Record<string, unknown> = { trans_num: `tester-${Date.now().toString(36)}` };
    for (const [k, v] of Object.entries(values)) {
      if (v.trim() === '') continue;
      transaction[k] = NUMERIC.has(k) ? Number(v) : k === 'trans_date_trans_time' ? `${v.replace('T', ' ')}:00`.slice(0, 19) : v.trim();
    }
    score.mutate({ transaction, ...(versionId ? { modelVersionId: versionId } : {}) });
  }

  const fieldError = (key: string) => fields[`transaction.${key}`]?.[0] ?? fields[key]?.[0];
  return (
    <div className="tester-split">
      <form onSubmit={submit} data-testid="tx-form" className="tx-form">
        <div className="field">
          <label htmlFor="tx-category">Category</label>
          <select id="tx-category" value={values.category} onChange={(e) => set('category', e.target.value)}>
            {SPARKOV_CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </div>
        <div className="tx-grid">
          {FIELDS.map((f) => (
            <div key={f.key} className={`field${fieldError(f.key) ? ' invalid' : ''}`}>
              <label htmlFor={`tx-${f.key}`}>{f.label}</label>
              {f.type === 'gender' ? (
                <select id={`tx-${f.key}`} value={values[f.key]} onChange={(e) => set(f.key, e.target.value)}>
                  <option value="F">F</option><option value="M">M</option>
                </select>
              ) : (
                <input id={`tx-${f.key}`} data-testid={`tx-${f.key}`} value={values[f.key] ?? ''} step={f.step} onChange={(e) => set(f.key, e.target.value)}
                  type={f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : f.type === 'datetime' ? 'datetime-local' : 'text'} />
              )}
              {fieldError(f.key) ? <span className="field-error">{fieldError(f.key)}</span> : null}
            </div>
          ))}
        </div>
        <div className="actions">
          <button className="btn primary" disabled={score.isPending} data-testid="tx-submit">{score.isPending ? 'Scoring…' : 'Score transaction'}</button>
          <button type="button" className="btn" onClick={() => { setValues(example(new Date().toISOString())); score.reset(); }}>Reset example</button>
        </div>
      </form>
      <div>
        {score.error ? <div className="alert error" data-testid="score-error">{score.error.message}</div> : null}
        {score.data ? (
          <ScoreResult result={score.data} versionLabel={versionLabel(score.data.modelVersionId)} stale={score.isPending} />
        ) : !score.error ? (
          <div className="empty"><strong>Fill the transaction and press “Score transaction”</strong>The example is a grocery purchase near home; raise the amount or move the merchant far away to see the score climb.</div>
        ) : null}
      </div>
    </div>
  );
}
