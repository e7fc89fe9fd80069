// CSV for people to open in a spreadsheet: a text cell that starts like a formula (=, +, -, @, tab, carriage
// return) is prefixed with a quote so Excel, LibreOffice and Sheets show it as text instead of running it.
import { stringify, type Options } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;
// Text that is just a number ("-12.5", "+3e4") is safe: a spreadsheet reads it as that number.
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The text as a spreadsheet should show it; numbers and other non-strings are left to the caller. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** csv-stringify with every string cell neutralised; numbers, booleans and dates keep their own form. */
export function stringifyForSpreadsheet(rows: readonly unknown[], options: Options = {}): string {
  return stringify(rows as unknown[], { ...options, cast: { ...options.cast, string: (value: string) => neutraliseCell(value) } });
}
