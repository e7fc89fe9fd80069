// Checks on training data that turn hopeless input into a clear reason before any tree is grown.
// They return messages (the caller throws its DataError) so this file stays free of the pipeline's imports.
import type { FeatureSpec } from './features/index';
import type { FeatureMatrix } from './types';

/** Below this many fraud rows a model mostly learns the few rows it saw; validation on a fifth of them is noise. */
export const MIN_POSITIVES = 20;

/** Why there are too few fraud rows to train, or null. */
export function tooFewPositives(positives: number, min = MIN_POSITIVES): string | null {
  return positives < min ? `needs at least ${min} fraud rows to train; found ${positives}` : null;
}

export interface IgnoredColumn { name: string; reason: 'constant' | 'missing' }

/**
 * Columns that cannot split the rows: every value missing or non-finite (NaN, ±Infinity), or one value in every row.
 * A column constant where present but missing elsewhere is kept: missingness itself can carry signal.
 */
export function unusableColumns(X: FeatureMatrix): IgnoredColumn[] {
  const out: IgnoredColumn[] = [];
  for (let j = 0; j < X.columns.length; j++) {
    const col = X.columns[j];
    // Non-finite values (NaN, ±Infinity) count as "no number"; the column is usable once two rows differ.
    const first = Number.isFinite(col[0]) ? col[0] : NaN;
    let varies = false;
    for (let i = 1; i < X.nRows && !varies; i++) {
      const v = Number.isFinite(col[i]) ? col[i] : NaN;
      varies = Number.isNaN(v) ? !Number.isNaN(first) : v !== first;
    }
    if (!varies) out.push({ name: X.names[j], reason: Number.isNaN(first) ? 'missing' : 'constant' });
  }
  return out;
}

/** Source columns the tabular featuriser already set aside (constant, empty, id-like), as log lines; user exclusions are not news. */
function droppedLines(spec?: FeatureSpec): string[] {
  if (spec?.kind !== 'tabular') return [];
  return spec.tabular.dropped.filter((d) => d.reason !== 'excluded').map((d) => (d.reason === 'constant'
    ? `ignored constant column '${d.name}'`
    : d.reason === 'empty' ? `ignored column '${d.name}': empty in every row` : `ignored column '${d.name}' (${d.reason})`));
}

/**
 * Reports each ignored column through `note` (the training log) and returns the error message when no column
 * is left to learn from; the trees ignore such columns by themselves (no split separates rows on them).
 */
export function checkFeatureColumns(X: FeatureMatrix, note?: (message: string) => void, spec?: FeatureSpec): string | null {
  const ignored = unusableColumns(X);
  const dropped = droppedLines(spec);
  for (const line of dropped) note?.(line);
  for (const c of ignored) {
    note?.(c.reason === 'constant' ? `ignored constant column '${c.name}'` : `ignored column '${c.name}': missing or not a finite number in every row`);
  }
  if (X.columns.length > 0 && ignored.length < X.columns.length) return null;
  const reasons = dropped.concat(ignored.map((c) => `'${c.name}' ${c.reason}`));
  const listed = reasons.slice(0, 5).join('; ') + (reasons.length > 5 ? '; …' : '');
  return `no usable feature: every column is constant, empty or not a number in the training rows${listed ? ` (${listed})` : ''}`;
}
