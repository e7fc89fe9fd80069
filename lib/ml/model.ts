// The train/predict pipeline: featurise → split → train → threshold → validate, as one JSON artefact.

import { type SerializedEnsemble, featureImportance, predictBatch, serializeEnsemble } from './ensemble';
import { type FeatureKind, type FeatureSpec, type FitOptions, type RowData, featurize, fitFeaturizer, inferKind } from './features/index';
import { parseLabel } from './features/tabular';
import { txTimes } from './features/transaction';
import { toEventSeconds } from './features/values';
import { trainForest } from './forest';
import { trainGbdt } from './gbdt';
import { type Calibration, type CalibrationChoice, applyCalibrationAll, fitCalibration } from './calibration';
import { type CalibrationBin, type Metrics, calibrationTable, evaluate } from './metrics';
import { type Algorithm, validateParams } from './model-params';
import { hourFeatureOf } from './drift-context';
import { type Baseline, buildBaseline, loadModel as load, type LoadedModel } from './model-load';
import { REFERENCE_ROW_LIMIT, type ReferenceForestJSON, RowLimitError, trainReferenceForest } from './reference-forest';
import { stratifiedSplit, takeLabels, takeRows, timeSplit } from './split';
import { selectRows, type TableView, viewOf } from './table';
import { type Bands, costOptimalThreshold, reviewBand } from './threshold';
import { checkFeatureColumns, tooFewPositives } from './training-checks';
import type { FeatureMatrix, ProgressFn } from './types';

export type { Algorithm, LoadedModel, Baseline };
export { ALGORITHMS, PARAM_NAMES, PARAM_DEFAULTS, ParamError, validateParams } from './model-params';

export interface TrainInput {
  /** Inferred from the columns when omitted. */
  kind?: FeatureKind;
  /** Plain rows, or a column Table for large files (see lib/ml/table.ts). */
  rows: RowData;
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
  /** On the validation split, with calibrated probabilities. */
  metrics: Metrics;
  /** Maps the ensemble's output to a probability at the training base rate; absent in older artefacts (identity). */
  calibration?: Calibration;
  /** Share of fraud among the training labels: the base rate the probabilities are calibrated for. */
  trainRate?: number;
  calibrationReport?: CalibrationReport;
  featureImportance: { name: string; gain: number }[];
  baseline: Baseline;
  training: {
    rows: number; unlabelled: number; trainRows: number; validRows: number; positives: number;
    split: 'time' | 'stratified'; timestampColumn: string | null; trainedAt: string; durationMs: number;
  };
}

export interface CalibrationReport {
  /** Rows the calibrator was fitted on (the early-stopping holdout, never the validation split). */
  fittedOn: number;
  heldOutLogLoss: CalibrationChoice['heldOutLogLoss'];
  /** Reliability on the validation split, before and after calibration. */
  before: CalibrationBin[];
  after: CalibrationBin[];
}

export class DataError extends Error {
  constructor(message: string) { super(message); this.name = 'DataError'; }
}

const TIME_NAME_RE = /(^|_)(timestamp|event_time|created_at|datetime|date|time)$/i;

/** A column read as epoch seconds for every row (ISO, epoch seconds or epoch milliseconds). */
function epochColumn(view: TableView, name: string): Float64Array {
  const read = view.reader(name)!;
  const out = new Float64Array(view.nRows);
  for (let i = 0; i < out.length; i++) out[i] = toEventSeconds(read(i));
  return out;
}

/** Epoch seconds per row, from the given column, the transaction time, or a timestamp-named column. */
function timestampOf(kind: FeatureKind, view: TableView, column?: string): { times: Float64Array | null; column: string | null } {
  if (column) {
    if (!view.reader(column)) throw new DataError(`timestamp column '${column}' not found`);
    return { times: epochColumn(view, column), column };
  }
  if (kind === 'transaction') {
    const first = view.reader('trans_date_trans_time');
    const named = first && view.nRows > 0 && first(0) !== undefined;
    return { times: txTimes(view), column: named ? 'trans_date_trans_time' : 'unix_time' };
  }
  for (const name of view.names.filter((c) => TIME_NAME_RE.test(c))) {
    const times = epochColumn(view, name);
    let ok = 0;
    for (const t of times) if (Number.isFinite(t)) ok++;
    if (ok >= 0.95 * view.nRows) return { times, column: name };
  }
  return { times: null, column: null };
}

/** Parsed labels: 0, 1, or -1 where unknown. */
function labelsOf(view: TableView, column: string): Int8Array {
  const read = view.reader(column)!;
  const out = new Int8Array(view.nRows);
  for (let i = 0; i < out.length; i++) { const l = parseLabel(read(i)); out[i] = l === null ? -1 : l; }
  return out;
}

/** out[k] = values[idx[k]]. */
function gather(values: Float64Array, idx: ArrayLike<number>): Float64Array {
  const out = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = values[idx[k]];
  return out;
}

export async function trainModel(input: TrainInput, opts: TrainOptions = {}): Promise<TrainedModel> {
  const started = Date.now();
  const { labelColumn, algorithm } = input;
  const data = viewOf(input.rows);
  const nRows = data.nRows;
  const seed = input.seed ?? 42, validFraction = input.validFraction ?? 0.2;
  const costFp = input.costFp ?? 1, costFn = input.costFn ?? 10;
  const params = validateParams(algorithm, input.params ?? {});
  if (!nRows) throw new DataError('no rows to train on');
  const cols = data.names;
  if (!cols.includes(labelColumn)) throw new DataError(`label column '${labelColumn}' not found (columns: ${cols.join(', ')})`);
  const kind = input.kind ?? inferKind(cols.filter((c) => c !== labelColumn));
  const eventType = input.featureOptions?.eventType;
  if (kind === 'event' && !eventType) throw new DataError('an event model needs its event type definition (featureOptions.eventType)');

  // Unlabelled rows are kept for featurising (they are history for velocity) but not trained on.
  const labels = labelsOf(data, labelColumn);
  let nLabelled = 0;
  for (let i = 0; i < nRows; i++) if (labels[i] >= 0) nLabelled++;
  const labelled = new Uint32Array(nLabelled);
  const y = new Uint8Array(nLabelled);
  let positives = 0;
  for (let i = 0, k = 0; i < nRows; i++) {
    if (labels[i] < 0) continue;
    labelled[k] = i; y[k++] = labels[i]; positives += labels[i];
  }
  if (positives === 0 || positives === y.length) {
    throw new DataError(`label column '${labelColumn}' needs both classes (found ${positives} positive of ${y.length} labelled rows)`);
  }
  const fewPositives = tooFewPositives(positives); if (fewPositives) throw new DataError(fewPositives);

  // An event type names its time field: the split is by time, as the aggregates are.
  const { times, column: timestampColumn } = timestampOf(kind, data, input.timestampColumn ?? (kind === 'event' ? eventType?.timeField : undefined));
  const split = times ? timeSplit(gather(times, labelled), validFraction) : stratifiedSplit(y, validFraction, seed);
  if (algorithm === 'ml-random-forest' && split.train.length > REFERENCE_ROW_LIMIT) throw new RowLimitError(split.train.length);
  const trainIdx = new Uint32Array(split.train.length);
  for (let k = 0; k < trainIdx.length; k++) trainIdx[k] = labelled[split.train[k]];

  opts.onStage?.(`featurising ${nRows.toLocaleString('en-US')} rows (${kind})`);
  // History features (IP, email) take the rows in the order of the time split, and not without one.
  const featureOptions = { labelColumn, ...input.featureOptions, tabular: { timeColumn: timestampColumn, ...input.featureOptions?.tabular } };
  const featureSpec = fitFeaturizer(kind, selectRows(data, trainIdx), featureOptions);
  const Xall = featurize(featureSpec, data);
  // Every row labelled (the usual case): no copy of the whole matrix.
  const X = nLabelled === nRows ? Xall : takeRows(Xall, labelled);
  const Xt = takeRows(X, split.train), yt = takeLabels(y, split.train);
  const noFeature = checkFeatureColumns(Xt, opts.onStage, featureSpec); if (noFeature) throw new DataError(noFeature);
  const Xv = takeRows(X, split.valid), yv = takeLabels(y, split.valid);

  opts.onStage?.(`training ${algorithm} on ${Xt.nRows.toLocaleString('en-US')} rows, validating on ${Xv.nRows.toLocaleString('en-US')}`);
  // Early stopping (gbdt) watches a tenth of the training rows, the latest when time-ordered, so the
  // validation metrics stay untouched by model selection.
  const stop = times ? timeSplit(gather(times, trainIdx), 0.1) : stratifiedSplit(yt, 0.1, seed + 1);
  const trained = await fit(algorithm, params, seed, Xt, yt, stop, opts);
  // Calibrated on the early-stopping holdout: rows the trees were not fitted on (fit() leaves them out whenever
  // they hold both classes), so the validation split stays untouched for the reported metrics.
  const yStop = takeLabels(yt, stop.valid);
  const { calibration, heldOutLogLoss } = trained.heldOut ? fitCalibration(trained.predict(takeRows(Xt, stop.valid)), yStop) : { calibration: undefined, heldOutLogLoss: null };
  const pRaw = trained.predict(Xv);
  const pValid = applyCalibrationAll(calibration, pRaw);
  let trainPositives = 0;
  for (let i = 0; i < yt.length; i++) trainPositives += yt[i];

  const threshold = costOptimalThreshold(costFp, costFn);
  const metrics = evaluate(yv, pValid, threshold);
  return {
    format: 'vigil-model/1', kind, algorithm, params, seed, labelColumn, featureSpec,
    featureNames: X.names, ensemble: trained.json, threshold, bands: reviewBand(threshold),
    costs: { fp: costFp, fn: costFn }, metrics, calibration, trainRate: trainPositives / yt.length,
    calibrationReport: {
      fittedOn: trained.heldOut ? yStop.length : 0, heldOutLogLoss,
      before: calibrationTable(yv, pRaw), after: metrics.calibration,
    },
    featureImportance: trained.importance,
    baseline: buildBaseline(Xv, pValid, yv, trained.importance, hourFeatureOf(X.names, timestampColumn ? [timestampColumn] : null)),
    training: {
      rows: nRows, unlabelled: nRows - nLabelled, trainRows: Xt.nRows, validRows: Xv.nRows,
      positives, split: times ? 'time' : 'stratified', timestampColumn, trainedAt: new Date().toISOString(),
      durationMs: Date.now() - started,
    },
  };
}

interface Fitted {
  json: SerializedEnsemble | ReferenceForestJSON;
  /** The stop.valid rows were left out of fitting (so they can calibrate). */
  heldOut: boolean;
  predict: (X: FeatureMatrix) => Float64Array;
  importance: { name: string; gain: number }[];
}

async function fit(algorithm: Algorithm, params: Record<string, unknown>, seed: number, X: FeatureMatrix, y: Uint8Array,
  stop: { train: Uint32Array; valid: Uint32Array }, opts: TrainOptions): Promise<Fitted> {
  // The holdout is kept out of fitting when it can calibrate (both classes); else every row is fitted.
  const yStop = takeLabels(y, stop.valid);
  const heldOut = yStop.includes(1) && yStop.includes(0);
  const Xfit = heldOut ? takeRows(X, stop.train) : X, yFit = heldOut ? takeLabels(y, stop.train) : y;
  if (algorithm === 'ml-random-forest') {
    const rf = trainReferenceForest(Xfit, yFit, { ...params, seed }, opts);
    return { json: rf.toJSON(), heldOut, predict: (M) => rf.predictBatch(M), importance: [] };
  }
  let e;
  if (algorithm === 'gbdt') {
    const early = heldOut && (params as { earlyStopping: number }).earlyStopping > 0;
    e = trainGbdt(Xfit, yFit, { ...params, seed }, early ? { ...opts, valid: { X: takeRows(X, stop.valid), y: yStop } } : opts);
  } else {
    e = await trainForest(Xfit, yFit, { ...params, seed }, opts);
  }
  const ens = e;
  return { json: serializeEnsemble(ens), heldOut, predict: (M) => predictBatch(ens, M), importance: featureImportance(ens) };
}

/** Rebuild a scorer from a stored TrainedModel (object or JSON text). */
export function loadModel(json: TrainedModel | string): LoadedModel {
  const m: TrainedModel = typeof json === 'string' ? JSON.parse(json) : json;
  if (m.format !== 'vigil-model/1') throw new DataError(`not a Vigil model (format ${String(m?.format)})`);
  return load(m);
}
