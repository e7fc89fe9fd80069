'use client';
// The training form: built on the shared TrainRequest schema and PARAM_FIELDS, validated here first,
// then by the API (whose 4xx message and field errors are shown the same way).
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { ApiClientError } from '@/lib/client/api';
import { useCreateTrainingJob } from '@/lib/client/training';
import { costOptimalThreshold, reviewBand } from '@/lib/ml/threshold';
import { Algorithm, PARAM_FIELDS, TrainRequest, type TrainRequestInput } from '@/lib/schemas/training';
import { FieldError, NumberField } from './fields';
import { formatCount, formatPercent } from '@/lib/format';

export interface DatasetOption { versionId: string; name: string; version: number; kind: string; rows: number; positives: number }

const ALGORITHM_HELP: Record<Algorithm, string> = {
  gbdt: 'Histogram gradient boosting: usually the most accurate; early stopping on the validation split.',
  forest: 'Histogram random forest: robust defaults, trees grown in parallel.',
  'ml-random-forest': 'Reference forest (ml-random-forest): small data only, at most 10,000 rows.',
};

const defaultsFor = (a: Algorithm) => Object.fromEntries(PARAM_FIELDS[a].map((f) => [f.name, String(f.default)]));
const toNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

export function TrainForm({ datasets, initialVersionId }: { datasets: DatasetOption[]; initialVersionId?: string }) {
  const router = useRouter();
  const create = useCreateTrainingJob();
  const [datasetVersionId, setDatasetVersionId] = useState(initialVersionId ?? datasets[0]?.versionId ?? '');
  const [algorithm, setAlgorithm] = useState<Algorithm>('gbdt');
  const [customName, setCustomName] = useState<string | null>(null);
  const [params, setParams] = useState<Record<string, string>>(() => defaultsFor('gbdt'));
  const [validFraction, setValidFraction] = useState('0.2');
  const [timestampColumn, setTimestampColumn] = useState('');
  const [costFn, setCostFn] = useState('10');
  const [costFp, setCostFp] = useState('1');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [serverMessage, setServerMessage] = useState<string | null>(null);

  const dataset = datasets.find((d) => d.versionId === datasetVersionId);
  const defaultName = `${dataset?.kind ?? 'model'}-${algorithm}`;
  const modelName = customName ?? defaultName;
  const costs = { fn: toNumber(costFn), fp: toNumber(costFp) };
  const pStar = useMemo(() => (costs.fn > 0 && costs.fp > 0 ? costOptimalThreshold(costs.fp, costs.fn) : null), [costs.fn, costs.fp]);
  const bands = pStar !== null && pStar > 0 && pStar < 1 ? reviewBand(pStar) : null;

  function chooseAlgorithm(a: Algorithm) {
    setAlgorithm(a);
    setParams(defaultsFor(a));
    setErrors({});
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setServerMessage(null);
    const input: TrainRequestInput = {
      datasetVersionId,
      modelName: modelName.trim() || undefined,
      algorithm,
      params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, toNumber(v)])),
      validFraction: toNumber(validFraction),
      ...(timestampColumn.trim() ? { timestampColumn: timestampColumn.trim() } : {}),
      costFn: costs.fn,
      costFp: costs.fp,
    };
    const parsed = TrainRequest.safeParse(input);
    if (!parsed.success) {
      const fields: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fields[issue.path.join('.') || '(root)'] ??= []).push(issue.message);
      setErrors(fields);
      return;
    }
    setErrors({});
    create.mutate(input, {
      onSuccess: (job) => router.push(`/jobs/${job.id}`),
      onError: (err) => {
        setServerMessage(err.message);
        if (err instanceof ApiClientError && err.body.fields) setErrors(err.body.fields);
      },
    });
  }

  return (
    <form className="train-layout" onSubmit={submit} noValidate data-testid="train-form">
      <div className="grid">
        <section className="card">
          <h2>Data</h2>
          <div className="field">
            <label htmlFor="dataset">Dataset version</label>
            <select id="dataset" value={datasetVersionId} onChange={(e) => setDatasetVersionId(e.target.value)} data-testid="dataset-select">
              {datasets.map((d) => (
                <option key={d.versionId} value={d.versionId}>
                  {d.name} v{d.version} · {d.kind} · {formatCount(d.rows)} rows · {formatCount(d.positives)} positives
                </option>
              ))}
            </select>
            <FieldError messages={errors.datasetVersionId} />
          </div>
          <div className="row">
            <NumberField id="validFraction" label="Validation fraction" value={validFraction} onChange={setValidFraction} min={0.05} max={0.5} step={0.05} errors={errors.validFraction} hint="0.05 – 0.5 of the rows are held out" />
            <div className="field" style={{ flex: 1 }}>
              <label htmlFor="timestampColumn">Timestamp column (optional)</label>
              <input id="timestampColumn" value={timestampColumn} onChange={(e) => setTimestampColumn(e.target.value)} placeholder="e.g. trans_date_trans_time" data-testid="timestamp-column" />
              <span className="hint">Given one, validation uses the latest rows (a time split) instead of a stratified sample.</span>
              <FieldError messages={errors.timestampColumn} />
            </div>
          </div>
        </section>

        <section className="card">
          <h2>Model</h2>
          <div className="row">
            <div className="field">
              <label htmlFor="algorithm">Algorithm</label>
              <select id="algorithm" value={algorithm} onChange={(e) => chooseAlgorithm(e.target.value as Algorithm)} data-testid="algorithm-select">
                {Algorithm.options.map((a) => <option key={a} value={a}>{a}</option>)}
              </select>
            </div>
            <div className="field" style={{ flex: 1 }}>
              <label htmlFor="modelName">Model name</label>
              <input id="modelName" value={modelName} onChange={(e) => setCustomName(e.target.value)} data-testid="model-name" />
              <FieldError messages={errors.modelName} />
            </div>
          </div>
          <p className="hint" style={{ marginTop: -4 }}>{ALGORITHM_HELP[algorithm]}</p>
          <h3 className="subhead">Hyper-parameters</h3>
          <div className="param-grid">
            {PARAM_FIELDS[algorithm].map((f) => (
              <NumberField key={`${algorithm}-${f.name}`} id={`param-${f.name}`} label={f.label} value={params[f.name] ?? ''} onChange={(v) => setParams((p) => ({ ...p, [f.name]: v }))}
                min={f.min} max={f.max} step={f.step} hint={`${f.min} – ${f.max} · default ${f.default}`} errors={errors[`params.${f.name}`]} testId={`param-${f.name}`} />
            ))}
          </div>
        </section>

        <section className="card">
          <h2>Costs</h2>
          <p className="hint">What each mistake costs you. The decision threshold is set where both mistakes cost the same on average.</p>
          <div className="row">
            <NumberField id="costFn" label="Cost of a missed fraud" value={costFn} onChange={setCostFn} min={0} step={1} errors={errors.costFn} testId="cost-fn" />
            <NumberField id="costFp" label="Cost of a false alarm" value={costFp} onChange={setCostFp} min={0} step={1} errors={errors.costFp} testId="cost-fp" />
          </div>
        </section>
      </div>

      <aside className="card train-summary">
        <h2>Summary</h2>
        {dataset ? (
          <dl className="kv">
            <dt>Dataset</dt><dd>{dataset.name} v{dataset.version}</dd>
            <dt>Rows</dt><dd>{formatCount(dataset.rows)} ({formatPercent(dataset.positives / Math.max(1, dataset.rows))} fraud)</dd>
            <dt>Model</dt><dd className="mono">{modelName || '–'}</dd>
          </dl>
        ) : null}
        <div className="pstar" data-testid="p-star">
          <div className="muted small">Cost-optimal threshold p* = C<sub>fp</sub> / (C<sub>fp</sub> + C<sub>fn</sub>)</div>
          <div className="pstar-value">{pStar !== null ? pStar.toFixed(4) : '–'}</div>
          {bands ? <div className="muted small">review from {bands.review.toFixed(3)}, block from {bands.block.toFixed(3)}</div> : <div className="muted small">Enter two positive costs.</div>}
        </div>
        {serverMessage ? <div className="alert error" data-testid="train-error">{serverMessage}</div> : null}
        {Object.keys(errors).length && !serverMessage ? <div className="alert error" data-testid="train-error">Fix the highlighted fields.</div> : null}
        <FieldError messages={errors['(root)']} />
        <button className="btn primary block" disabled={create.isPending || !datasets.length} data-testid="train-submit">{create.isPending ? 'Queueing…' : 'Start training'}</button>
        <p className="hint">Training runs on the worker; you will watch its progress next.</p>
      </aside>
    </form>
  );
}
