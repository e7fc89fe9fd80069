// Header checks, label counting and the column-mapping suggestions shown in the import preview. Pure.
import { findEmailColumn, inferKind, type InferredKind } from '@/lib/ml/features';
import { parseLabel } from '@/lib/ml/features/tabular';
import { isMissing, toNumber, type ColumnType } from './column-stats';

export type ColumnRole = 'label' | 'time' | 'id';
export interface SchemaColumn { name: string; type: ColumnType; role?: ColumnRole }

/**
 * Blank header cells get pandas-like names ("unnamed_0"): an index column written by pandas has no name,
 * and the tabular featuriser drops columns called unnamed* as row ids.
 */
export function normalizeHeader(header: readonly string[]): string[] {
  return header.map((h, i) => (h.trim() === '' ? `unnamed_${i}` : h.trim()));
}

export function duplicateColumns(header: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const h of header) (seen.has(h) ? dup : seen).add(h);
  return [...dup];
}

/** Running tally of a label column: 1/0 classes, blanks, and values parseLabel cannot read. */
export class LabelTally {
  positives = 0;
  negatives = 0;
  unlabelled = 0;
  readonly unreadable = new Map<string, number>();

  add(value: string | undefined) {
    const y = parseLabel(value ?? '');
    if (y === 1) this.positives++;
    else if (y === 0) this.negatives++;
    else {
      this.unlabelled++;
      if (!isMissing(value) && (this.unreadable.size < 20 || this.unreadable.has(value!))) this.unreadable.set(value!, (this.unreadable.get(value!) ?? 0) + 1);
    }
  }

  summary() {
    return { positives: this.positives, negatives: this.negatives, unlabelled: this.unlabelled, unreadable: Object.fromEntries(this.unreadable) };
  }

  /** Why these labels cannot train a classifier, or null when both classes are present. */
  problem(column: string): string | null {
    if (this.positives > 0 && this.negatives > 0) return null;
    const bad = [...this.unreadable.keys()].slice(0, 5).map((v) => JSON.stringify(v)).join(', ');
    if (this.positives === 0 && this.negatives === 0) {
      return `Label column "${column}" has no readable labels${bad ? ` (values such as ${bad})` : ''}; use 1/0, true/false, fraud/legit or yes/no.`;
    }
    const only = this.positives > 0 ? 'fraud (1)' : 'legit (0)';
    return `Label column "${column}" has a single class: every labelled row is ${only}. Training needs both classes.${bad ? ` Unreadable values: ${bad}.` : ''}`;
  }
}

const LABEL_NAMES = ['is_fraud', 'isfraud', 'fraud', 'label', 'class', 'event_label', 'fake', 'transaction_status', 'target', 'y', 'is_fake', 'bot'];
const TIME_NAME = /(^|_)(time|timestamp|date|datetime|ts)$|unix_time|^event_timestamp$|trans_date/i;
const ID_NAME = /^(id|uuid|userid|user_id|trans_num|event_id|transaction_id|entity_id|unnamed_\d+)$|_id$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?/;

export function inferColumnTypes(header: readonly string[], rows: readonly (readonly string[])[]): ColumnType[] {
  return header.map((_, i) => {
    const present = rows.map((r) => r[i]).filter((v) => !isMissing(v));
    return present.length > 0 && present.every((v) => toNumber(v) !== null) ? 'number' : 'string';
  });
}

export interface MappingSuggestions {
  kind: InferredKind;
  emailColumn?: string;
  labelCandidates: string[];
  timestampCandidates: string[];
  idCandidates: string[];
  /** A per-entity id that repeats across rows: event data to aggregate into one row per entity. */
  aggregateBy?: string;
}

export function suggestMapping(header: readonly string[], rows: readonly (readonly string[])[]): MappingSuggestions {
  const col = (i: number) => rows.map((r) => r[i] ?? '');
  const rank = (name: string) => { const k = LABEL_NAMES.indexOf(name.toLowerCase()); return k < 0 ? LABEL_NAMES.length : k; };
  const labelish = header.filter((name, i) => {
    const values = col(i).filter((v) => !isMissing(v));
    const readable = values.filter((v) => parseLabel(v) !== null);
    // Beyond known names: a column whose sample reads entirely as labels and shows both classes.
    const classes = new Set(readable.map((v) => parseLabel(v)));
    return rank(name) < LABEL_NAMES.length || (values.length > 0 && readable.length === values.length && classes.size === 2 && !ID_NAME.test(name));
  });
  const labelCandidates = [...labelish].sort((a, b) => rank(a) - rank(b));
  const timestampCandidates = header.filter((name, i) => TIME_NAME.test(name) || (col(i).length > 0 && col(i).every((v) => isMissing(v) || ISO_DATE.test(v))));
  const idCandidates = header.filter((name) => ID_NAME.test(name));
  const aggregateBy = idCandidates.find((name) => {
    const values = col(header.indexOf(name)).filter((v) => !isMissing(v));
    return /user|customer|account|entity/i.test(name) && new Set(values).size < values.length;
  });
  return {
    kind: inferKind([...header]),
    ...(findEmailColumn([...header]) ? { emailColumn: findEmailColumn([...header]) } : {}),
    labelCandidates,
    timestampCandidates: timestampCandidates.sort((a, b) => Number(/unix/i.test(b)) - Number(/unix/i.test(a))),
    idCandidates,
    ...(aggregateBy ? { aggregateBy } : {}),
  };
}
