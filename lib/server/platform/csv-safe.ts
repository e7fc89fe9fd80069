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

/**
 * A CSV download streamed one database batch per chunk (pull-driven, so a slow client slows the reads), with the
 * header row even when there are no rows, every cell formula-safe, and a dated file name.
 */
export function csvDownload(batches: AsyncGenerator<readonly unknown[]>, columns: string[], filePrefix: string): Response {
  let header = true;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (header) controller.enqueue(encoder.encode(stringifyForSpreadsheet([], { header: true, columns })));
        return controller.close();
      }
      controller.enqueue(encoder.encode(stringifyForSpreadsheet(next.value as unknown[], { header, columns })));
      header = false;
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filePrefix}-${stamp}.csv"`, 'cache-control': 'no-store' },
  });
}
