// A suggested event type from the first part of a CSV: parsed with the same CSV library as imports, the last
// (possibly cut) line dropped, then the pure inference in lib/ml. Nothing is stored.
import { parse } from 'csv-parse/sync';
import { inferDefinition } from '@/lib/ml/events/infer';
import { normalizeHeader } from '@/lib/data/csv-schema';
import { viewOf } from '@/lib/ml/table';
import { csvError, duplicateColumnsError } from '../datasets/csv-errors';
import { ApiError } from '../platform/http';

const MAX_ROWS = 5_000;

export function inferFromCsv(csv: string, name?: string) {
  // The client sends a head of a file: a last line without its newline may be cut mid-record.
  const text = csv.endsWith('\n') ? csv : csv.slice(0, Math.max(0, csv.lastIndexOf('\n')));
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, to_line: MAX_ROWS + 1 }) as string[][];
  } catch (err) {
    throw csvError(err);
  }
  if (records.length < 2) throw new ApiError(400, 'empty_file', 'Send a header row and at least one data row.');
  const header = normalizeHeader(records[0]);
  const dup = duplicateColumnsError(header);
  if (dup) throw dup;
  const rows = records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  return { ...inferDefinition(viewOf(rows), { ...(name ? { name } : {}) }), rowsRead: rows.length };
}
