// The train/predict pipeline: featurise → split → train → threshold → validate, as one JSON artefact.

import { type SerializedEnsemble, featureImportance, predictBatch, serializeEnsemble } from './ensemble';
import { type FeatureKind, type FeatureSpec, type FitOptions, type Row, featurize, fitFeaturizer, inferKind } from './features/index';
import { columnNames, parseLabel } from './features/tabular';
import { txTime } from './features/transaction';
import { toEpochSeconds } from './features/values';
import { trainForest } from './forest';
import { trainGbdt } from './gbdt';
import { type Metrics, evaluate } from './metrics';
import { type Algorithm, validateParams } from './model-params';
import { type Baseline, buildBaseline, loadModel as load, type LoadedModel } from './model-load';
import { REFERENCE_ROW_LIMIT, type ReferenceForestJSON, RowLimitError, trainReferenceForest } from './reference-forest';
import { stratifiedSplit, takeLabels, takeRows, timeSplit } from './split';
import { type Bands, costOptimalThreshold, reviewBand } from './threshold';
import type { FeatureMatrix, ProgressFn } from './types';

export type { Algorithm, LoadedModel, Baseline };
export { ALGORITHMS, PARAM_NAMES, PARAM_DEFAULTS, ParamError, validateParams } from './model-params';

export interface TrainInput {
  /** Inferred from the columns when omitted. */
  kind?: FeatureKind;
  rows: Row[];
  labelColumn: string;
  algorithm: Algorithm;
  params?: Record<string, unknown>;
  validFraction?: number;
  /** Validation is the latest rows by this column; auto-detected when omitted (see timestampOf). */
  timestampColumn?: string;
  costFp?: number;
  costFn?: number;
  seed?: number;
  featureOptions?: FitOptions;
}

export interface TrainOptions {
  /** Rounds or trees done. */
  onProgress?: ProgressFn;
  /** Human-readable stage messages ('featurising 10,000 rows'). */
  onStage?: (message: string) => void;
  shouldStop?: () => boolean;
}

export interface TrainedModel {
  format: 'vigil-model/1';
  kind: FeatureKind;
  algorithm: Algorithm;
  /** Every parameter, defaults filled in. */
  params: Record<string, unknown>;
  seed: number;
  labelColumn: string;
  featureSpec: FeatureSpec;
  featureNames: string[];
  ensemble: SerializedEnsemble | ReferenceForestJSON;
  threshold: number;
  bands: Bands;
  costs: { fp: number; fn: number };
  /** On the validation split. */
  metrics: Metrics;
  featureImportance: { name: string; gain: number }[];
  baseline: Baseline;
  training: {
    rows: number; unlabelled: number; trainRows: number; validRows: number; positives: number;
    split: 'time' | 'stratified'; timestampColumn: string | null; trainedAt: string; durationMs: number;
  };
}

export class DataError extends Error {
  constructor(message: string) { super(message); this.name = 'DataError'; }
}

const TIME_NAME_RE = /(^|_)(timestamp|event_time|created_at|datetime|date|time)$/i;

/** Epoch seconds per row, from the given column, the transaction time, or a timestamp-named column. */
function timestampOf(kind: FeatureKind, rows: Row[], column?: string): { times: Float64Array | null; column: string | null } {
  if (column) {
    if (!rows.some((r) => column in r)) throw new DataError(`timestamp column '${column}' not found`);
    return { times: Float64Array.from(rows, (r) => toEpochSeconds(r[column])), column };
  }
  if (kind === 'transaction') {
    const times = Float64Array.from(rows, txTime);
    return { times, column: 'trans_date_trans_time' in (rows[0] ?? {}) ? 'trans_date_trans_time' : 'unix_time' };
  }
  for (const name of columnNames(rows).filter((c) => TIME_NAME_RE.test(c))) {
    const times = Float64Array.from(rows, (r) => toEpochSeconds(r[name]));
    let ok = 0;
    for (const t of times) if (Number.isFinite(t)) ok++;
    if (ok >= 0.95 * rows.length) return { times, column: name };
  }
  return { times: null, column: null };
}

export async function trainModel(input: TrainInput, opts: TrainOptions = {}): Promise<TrainedModel> {
  const started = Date.now();
  const { rows, labelColumn, algorithm } = input;
  const seed = input.seed ?? 42, validFraction = input.validFraction ?? 0.2;
  const costFp = input.costFp ?? 1, costFn = input.costFn ?? 10;
  const params = validateParams(algorithm, input.params ?? {});
  if (!rows.length) throw new DataError('no rows to train on');
  const cols = columnNames(rows);
  if (!cols.includes(labelColumn)) throw new DataError(`label column '${labelColumn}' not found (columns: ${cols.join(', ')})`);
  const kind = input.kind ?? inferKind(cols.filter((c) => c !== labelColumn));

  // Unlabelled rows are kept for featurising (they are history for velocity) but not trained on.
  const labels = rows.map((r) => parseLabel(r[labelColumn]));
  const labelled = labels.flatMap((l, i) => (l === null ? [] : [i]));
  const y = Uint8Array.from(labelled, (i) => labels[i] as number);
  let positives = 0;
  for (const v of y) positives += v;
  if (positives === 0 || positives === y.length) {
    throw new DataError(`label column '${labelColumn}' needs both classes (found ${positives} positive of ${y.length} labelled rows)`);
  }

  const { times, column: timestampColumn } = timestampOf(kind, rows, input.timestampColumn);
  const split = times
    ? timeSplit(Float64Array.from(labelled, (i) => times[i]), validFraction)
    : stratifiedSplit(y, validFraction, seed);
  if (algorithm === 'ml-random-forest' && split.train.length > REFERENCE_ROW_LIMIT) throw new RowLimitError(split.train.length);
  const trainIdx = Array.from(split.train, (k) => labelled[k]);

  opts.onStage?.(`featurising ${rows.length.toLocaleString('en-US')} rows (${kind})`);
  const featureSpec = fitFeaturizer(kind, trainIdx.map((i) => rows[i]), { labelColumn, ...input.featureOptions });
  const Xall = featurize(featureSpec, rows);
  const X = takeRows(Xall, labelled);
  const Xt = takeRows(X, split.train), yt = takeLabels(y, split.train);
  const Xv = takeRows(X, split.valid), yv = takeLabels(y, split.valid);

  opts.onStage?.(`training ${algorithm} on ${Xt.nRows.toLocaleString('en-US')} rows, validating on ${Xv.nRows.toLocaleString('en-US')}`);
  // Early stopping (gbdt) watches a tenth of the training rows, the latest when time-ordered, so the
  // validation metrics stay untouched by model selection.
  const stop = times
    ? timeSplit(Array.from(split.train, (k) => times[labelled[k]]), 0.1)
    : stratifiedSplit(yt, 0.1, seed + 1);
  const trained = await fit(algorithm, params, seed, Xt, yt, stop, opts);
  const pValid = trained.predict(Xv);

  const threshold = costOptimalThreshold(costFp, costFn);
  const metrics = evaluate(yv, pValid, threshold);
  return {
    format: 'vigil-model/1', kind, algorithm, params, seed, labelColumn, featureSpec,
    featureNames: X.names, ensemble: trained.json, threshold, bands: reviewBand(threshold),
    costs: { fp: costFp, fn: costFn }, metrics, featureImportance: trained.importance,
    baseline: buildBaseline(Xv, pValid, yv, trained.importance),
    training: {
      rows: rows.length, unlabelled: rows.length - labelled.length, trainRows: Xt.nRows, validRows: Xv.nRows,
      positives, split: times ? 'time' : 'stratified', timestampColumn, trainedAt: new Date().toISOString(),
      durationMs: Date.now() - started,
    },
  };
}

interface Fitted {
  json: SerializedEnsemble | ReferenceForestJSON;
  predict: (X: FeatureMatrix) => Float64Array;
  importance: { name: string; gain: number }[];
}

async function fit(algorithm: Algorithm, params: Record<string, unknown>, seed: number, X: FeatureMatrix, y: Uint8Array,
  stop: { train: Uint32Array; valid: Uint32Array }, opts: TrainOptions): Promise<Fitted> {
  if (algorithm === 'ml-random-forest') {
    const rf = trainReferenceForest(X, y, { ...params, seed }, opts);
    return { json: rf.toJSON(), predict: (M) => rf.predictBatch(M), importance: [] };
  }
  let e;
  if (algorithm === 'gbdt') {
    const yStop = takeLabels(y, stop.valid);
    const usable = (params as { earlyStopping: number }).earlyStopping > 0 && yStop.includes(1) && yStop.includes(0);
    e = usable
      ? trainGbdt(takeRows(X, stop.train), takeLabels(y, stop.train), { ...params, seed }, { ...opts, valid: { X: takeRows(X, stop.valid), y: yStop } })
      : trainGbdt(X, y, { ...params, seed }, opts);
  } else {
    e = await trainForest(X, y, { ...params, seed }, opts);
  }
  const ens = e;
  return { json: serializeEnsemble(ens), predict: (M) => predictBatch(ens, M), importance: featureImportance(ens) };
}

/** Rebuild a scorer from a stored TrainedModel (object or JSON text). */
export function loadModel(json: TrainedModel | string): LoadedModel {
  const m: TrainedModel = typeof json === 'string' ? JSON.parse(json) : json;
  if (m.format !== 'vigil-model/1') throw new DataError(`not a Vigil model (format ${String(m?.format)})`);
  return load(m);
}
