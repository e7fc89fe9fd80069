// Errors about a CSV's content name the line, the column and what is wrong, never the text itself:
// a server file's content must not leak through a message, and a huge field must not become a huge body.
import { CsvError } from 'csv-parse';
import type { LabelTally } from '@/lib/data/csv-schema';
import { ApiError } from '../platform/http';

const REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is opened but never closed',
  INVALID_OPENING_QUOTE: 'a quote appears inside an unquoted field (quote the whole field and double inner quotes)',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by more characters instead of a comma or line end',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a closing quote is followed by more characters instead of a comma or line end',
  CSV_MAX_RECORD_SIZE: 'a row is longer than the largest row allowed',
};

type CsvErrorInfo = CsvError & { lines?: number; index?: number; record?: unknown[]; columns?: unknown[] | boolean };

export const tooLarge = (limit: number, setting = 'VIGIL_MAX_UPLOAD_BYTES') =>
  new ApiError(413, 'payload_too_large', `The file exceeds the import limit of ${limit.toLocaleString('en')} bytes (${setting}).`);

/** csv-parse's errors → a 400 that names the line and column; other errors pass through unchanged. */
export function csvError(err: unknown): unknown {
  if (!(err instanceof CsvError)) return err;
  const e = err as CsvErrorInfo;
  const line = Number.isFinite(e.lines) ? e.lines : undefined;
  const where = line === undefined ? 'line unknown' : `line ${line}`;
  if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const got = e.record?.length;
    // csv-parse's own message holds only counts here ("expect 3, got 2 on line 4").
    const want = Array.isArray(e.columns) ? e.columns.length : /expect (\d+)/.exec(e.message)?.[1];
    return new ApiError(400, 'ragged_rows', `Line ${line ?? '?'} has ${got ?? 'a different number of'} fields; the header has ${want ?? 'another number'}. Every row needs one value per column.`, { [where]: ['wrong number of fields'] });
  }
  const column = Number.isInteger(e.index) ? `, column ${(e.index as number) + 1}` : '';
  const reason = REASONS[e.code] ?? 'the text is not valid CSV';
  return new ApiError(400, 'invalid_csv', `The CSV cannot be parsed at ${where}${column}: ${reason}.`, { [where]: [reason] });
}

/** Binary files (images, spreadsheets, archives) hold NUL bytes; CSV text never does. */
export function notCsvText(offset: number) {
  return new ApiError(415, 'not_csv', `This file does not look like CSV text (binary data at byte ${offset.toLocaleString('en')}). Save or export it as CSV (comma-separated, UTF-8) and try again.`);
}

/** Throws notCsvText when `chunk` (which starts at byte `offset` of the file) contains a NUL byte. */
export function assertText(chunk: Uint8Array, offset: number) {
  const at = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).indexOf(0);
  if (at >= 0) throw notCsvText(offset + at);
}

export const noRows = (columns: number) =>
  new ApiError(400, 'no_rows', `The file has a header row (${columns} column${columns === 1 ? '' : 's'}) but no data rows.`);

/** Header problems, by position: the names themselves are file content. */
export function duplicateColumnsError(header: readonly string[]) {
  const first = new Map<string, number>();
  for (const [i, name] of header.entries()) {
    const seen = first.get(name);
    if (seen !== undefined) return new ApiError(400, 'duplicate_columns', `Column names must be unique; columns ${seen + 1} and ${i + 1} have the same name.`, { header: [`columns ${seen + 1} and ${i + 1} repeat a name`] });
    first.set(name, i);
  }
  return null;
}

/** Why these labels cannot train a classifier, by counts rather than by quoting the values; null when usable. */
export function labelProblem(tally: LabelTally, column: string): string | null {
  if (tally.positives > 0 && tally.negatives > 0) return null;
  const other = tally.unreadable.size ? ` ${tally.unreadable.size}${tally.unreadable.size >= 20 ? '+' : ''} distinct values could not be read as labels.` : '';
  if (tally.positives === 0 && tally.negatives === 0) {
    return `Label column "${column}" has no readable labels; use 1/0, true/false, fraud/legit or yes/no.${other}`;
  }
  const only = tally.positives > 0 ? 'fraud (1)' : 'legit (0)';
  return `Label column "${column}" has a single class: every labelled row is ${only}. Training needs both classes.${other}`;
}
