// Scoring side of a stored model: rebuild the predictor, score rows, explain one row; plus the drift baseline.

import { applyCalibration } from './calibration';
import type { BaselineFeature } from './drift';
import { baselineByHour } from './drift-hours';
import { deserializeEnsemble, predictBatch, predictMargin, sigmoid, type SerializedEnsemble, type TreeEnsemble } from './ensemble';
import { pathContributions, contributions as treeContributions } from './explain';
import { featurize, type FeaturizeOptions, missingColumns, type Row, type RowData } from './features/index';
import type { TrainedModel } from './model';
import { type Reason, reasonCodes } from './reasons';
import { loadReferenceForest, type ReferenceForest, type ReferenceForestJSON } from './reference-forest';
import { type Decision, decide } from './threshold';
import { viewOf } from './table';
import type { FeatureMatrix } from './types';

/** Reference distributions from the validation split, for drift monitoring (PSI) later. */
export interface Baseline {
  positiveRate: number;
  /** Validation scores in 20 equal-width bins over [0, 1]. */
  scoreHistogram: number[];
  /**
   * The same, per class: a score's distribution given the class does not change when only the base rate does,
   * so drift can compare traffic with the mixture at the production rate (absent on older artefacts).
   */
  scoreHistogramByClass?: { negative: number[]; positive: number[] };
  /**
   * Up to 20 most important features, plus the hour-of-day feature when the model has one: decile edges and the
   * share of rows between them, and per hour bin their counts (drift-hours.ts).
   */
  features: BaselineFeature[];
  /** The feature whose bins `byHour` counts by (absent: no hour feature, or an older artefact). */
  hourFeature?: string;
}

export interface Explanation {
  /** Calibrated, at the training base rate (see lib/ml/probability.ts for the production one). */
  probability: number;
  /** The ensemble's own output before calibration: what the contributions explain. */
  uncalibrated: number;
  decision: Decision;
  /** Per feature, in featureNames order, then the bias last; sums to the margin (log-odds for gbdt). */
  contributions: Float64Array;
  featureNames: string[];
  values: Float64Array;
  reasons: Reason[];
}

export interface LoadedModel {
  model: TrainedModel;
  featureNames: string[];
  /** Calibrated probabilities at the training base rate (the ensemble's output for artefacts without calibration). */
  scoreMatrix(X: FeatureMatrix): Float64Array;
  /**
   * history: earlier transactions for per-card velocity (transaction models). aggregates: event models
   * scored live, per aggregate one value per row from stored entity state (else replayed over the rows).
   */
  scoreRows(rows: RowData, opts?: FeaturizeOptions): Float64Array;
  /**
   * method 'shap' (default): path-dependent TreeSHAP. 'path': Saabas path attribution, about 20× cheaper;
   * both sum to the margin, so online scoring can trade exactness of the split for latency.
   */
  explainRow(row: Row, opts?: FeaturizeOptions & { top?: number; method?: 'shap' | 'path' }): Explanation;
  decide(p: number): Decision;
  /** Columns the rows lack, for friendly errors before scoring. */
  missingColumns(columns: string[]): string[];
}

/** Bins of an hour of the day: 0, 1, …, 22 and above. */
const HOUR_EDGES = Array.from({ length: 23 }, (_, h) => h);

/** hourFeature: the model's hour-of-day feature of the event's time (hourFeatureOf), kept and counted by. */
export function buildBaseline(X: FeatureMatrix, p: Float64Array, y: Uint8Array, importance: { name: string }[], hourFeature: string | null = null): Baseline {
  const hist = new Array<number>(20).fill(0);
  const byClass = { negative: new Array<number>(20).fill(0), positive: new Array<number>(20).fill(0) };
  for (let i = 0; i < p.length; i++) {
    const b = Math.min(19, Math.max(0, Math.floor(p[i] * 20)));
    hist[b]++;
    (y[i] === 1 ? byClass.positive : byClass.negative)[b]++;
  }
  let pos = 0;
  for (const v of y) pos += v;
  const names = (importance.length ? importance.map((f) => f.name) : X.names).slice(0, 20);
  if (hourFeature && X.names.includes(hourFeature) && !names.includes(hourFeature)) names.push(hourFeature);
  const features: BaselineFeature[] = names.flatMap((name) => {
    const j = X.names.indexOf(name);
    if (j < 0) return [];
    const vals = presentSorted(X.columns[j]);
    // The hour feature is binned by the hour: its deciles would lump the quiet night hours with the morning's.
    const edges = name === hourFeature ? HOUR_EDGES.slice() : decileEdges(vals);
    const counts = new Array<number>(edges.length + 1).fill(0);
    for (let i = 0; i < vals.length; i++) { const v = vals[i]; let b = 0; while (b < edges.length && v > edges[b]) b++; counts[b]++; }
    return [{ name, edges, shares: counts.map((c) => (vals.length ? c / vals.length : 0)), missing: X.nRows ? 1 - vals.length / X.nRows : 0 }];
  });
  const byHour = baselineByHour(X, features, hourFeature);
  if (byHour) for (const f of features) f.byHour = byHour.get(f.name);
  return { positiveRate: y.length ? pos / y.length : 0, scoreHistogram: hist, scoreHistogramByClass: byClass, features, ...(byHour ? { hourFeature: hourFeature! } : {}) };
}

/** Up to 9 distinct decile edges of sorted values. */
function decileEdges(vals: Float64Array): number[] {
  const edges: number[] = [];
  for (let k = 0; k < 9 && vals.length; k++) {
    const v = vals[Math.floor(((k + 1) * vals.length) / 10)];
    if (!edges.includes(v)) edges.push(v);
  }
  return edges;
}

/** The column's non-NaN values, ascending, in a typed copy (the column may be millions long). */
function presentSorted(column: Float64Array): Float64Array {
  const out = new Float64Array(column.length);
  let m = 0;
  for (let i = 0; i < column.length; i++) if (column[i] === column[i]) out[m++] = column[i];
  return out.subarray(0, m).sort();
}

function rowOf(X: FeatureMatrix, i: number): Float64Array {
  return Float64Array.from(X.columns, (c) => c[i]);
}

/** Occlusion for the reference forest (no tree paths to walk): the drop in probability when a feature is missing. */
function occlusion(rf: ReferenceForest, row: Float64Array): Float64Array {
  const p = rf.predictRow(row);
  const out = new Float64Array(row.length + 1);
  let sum = 0;
  for (let j = 0; j < row.length; j++) {
    if (Number.isNaN(row[j])) continue;
    const copy = row.slice();
    copy[j] = NaN;
    out[j] = p - rf.predictRow(copy);
    sum += out[j];
  }
  out[row.length] = p - sum;
  return out;
}

export function loadModel(m: TrainedModel): LoadedModel {
  const isReference = m.algorithm === 'ml-random-forest';
  const ens: TreeEnsemble | null = isReference ? null : deserializeEnsemble(m.ensemble as SerializedEnsemble);
  const rf: ReferenceForest | null = isReference ? loadReferenceForest(m.ensemble as ReferenceForestJSON) : null;
  const check = (X: FeatureMatrix) => {
    if (X.names.length !== m.featureNames.length || X.names.some((n, j) => n !== m.featureNames[j])) {
      throw new Error('feature layout differs from the one the model was trained on');
    }
  };
  const cal = m.calibration;
  const scoreMatrix = (X: FeatureMatrix) => {
    check(X);
    const p = ens ? predictBatch(ens, X) : rf!.predictBatch(X);
    if (cal && cal.method !== 'identity') for (let i = 0; i < p.length; i++) p[i] = applyCalibration(cal, p[i]);
    return p;
  };
  const uncalibrated = (row: Float64Array) => {
    if (!ens) return rf!.predictRow(row);
    const margin = predictMargin(ens, row);
    return ens.kind === 'gbdt' ? sigmoid(margin) : margin;
  };
  const missing = (cols: string[]) => missingColumns(m.featureSpec, cols);
  const ensureColumns = (rows: RowData) => {
    const view = viewOf(rows);
    const miss = view.nRows ? missing(view.names) : [];
    if (miss.length) throw new Error(`missing column(s): ${miss.join(', ')}`);
  };
  return {
    model: m,
    featureNames: m.featureNames,
    scoreMatrix,
    scoreRows(rows, opts) { ensureColumns(rows); return scoreMatrix(featurize(m.featureSpec, rows, opts)); },
    explainRow(row, opts = {}) {
      ensureColumns([row]);
      const X = featurize(m.featureSpec, [row], opts);
      check(X);
      const values = rowOf(X, 0);
      const raw = uncalibrated(values);
      const p = applyCalibration(cal, raw);
      const contributions = !ens ? occlusion(rf!, values) : opts.method === 'path' ? pathContributions(ens, values) : treeContributions(ens, values);
      return {
        probability: p, uncalibrated: raw, decision: decide(p, m.bands), contributions, featureNames: m.featureNames, values,
        reasons: reasonCodes(m.featureSpec, m.featureNames, contributions, values, opts.top ?? 5, row),
      };
    },
    decide: (p) => decide(p, m.bands),
    missingColumns: missing,
  };
}
