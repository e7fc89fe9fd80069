// The scoring CLI's own CSV splitter (scripts/cli/csv.ts streamCsv): same cells as csv-parse, lines passed through,
// numbers identical to toNum, across chunk boundaries.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toNum } from '@/lib/ml/features/values';
import { createRng } from '@/lib/ml/rng';
import type { TableView } from '@/lib/ml/table';
import { csvCell, streamCsv } from '@/scripts/cli/csv';

const dir = mkdtempSync(join(tmpdir(), 'vigil-score-csv-'));
const path = (f: string) => join(dir, f);

/** Streams `text` through streamCsv, collecting every row's cells (as strings) per column and the output text. */
async function roundTrip(text: string, opts: { chunkBytes?: number; batchSize?: number } = {}) {
  writeFileSync(path('in.csv'), text);
  let header: string[] = [];
  const rows: string[][] = [];
  const numberCols: (Float64Array | null)[][] = [];
  const n = await streamCsv(path('in.csv'), path('out.csv'), {
    ...opts,
    extraColumns: ['p', 'note'],
    onHeader: (h) => { header = h; },
    transform: (view: TableView) => {
      const readers = header.map((c) => view.reader(c)!);
      numberCols.push(header.map((c) => view.numbers(c)));
      const extra: string[] = [];
      for (let i = 0; i < view.nRows; i++) {
        const cells = readers.map((r) => r(i) as string);
        rows.push(cells);
        extra.push(`${rows.length},${csvCell(`x,"${rows.length}"`)}`);
      }
      return extra;
    },
  });
  return { n, header, rows, numberCols, out: readFileSync(path('out.csv'), 'utf8') };
}

function randomCell(rng: ReturnType<typeof createRng>): string {
  const r = rng.next();
  if (r < 0.3) return String(Math.round(rng.normal() * 1e6) / 1e3);
  if (r < 0.4) return '';
  if (r < 0.5) return `"quoted, with ""quotes"" and\nbreak"`;
  if (r < 0.6) return 'héllo wörld ✓';
  if (r < 0.7) return `"${rng.int(100)}"`;
  if (r < 0.8) return ' 12 ';
  return `w${rng.int(1000)}`;
}

describe('streamCsv (scoring)', () => {
  it('reads the same cells as csv-parse, in chunks of any size, and passes lines through', async () => {
    const rng = createRng(1);
    const lines = ['a,b,"c ""q""",d'];
    for (let i = 0; i < 300; i++) lines.push(Array.from({ length: 4 }, () => randomCell(rng)).join(','));
    for (const eol of ['\n', '\r\n']) {
      const text = `\ufeff${lines.join(eol)}${eol}${eol}`; // BOM, and an empty line at the end
      const expected = parse(text, { bom: true, skip_empty_lines: true }) as string[][];
      for (const chunkBytes of [3, 64, 1 << 20]) {
        for (const batchSize of [1, 13, 20_000]) {
          const { n, header, rows, out } = await roundTrip(text, { chunkBytes, batchSize });
          expect(header).toEqual(['a', 'b', 'c "q"', 'd']);
          expect(n).toBe(300);
          expect(rows).toEqual(expected.slice(1));
          // Every output row is the input line plus the extra cells; csv-parse reads the output back.
          const back = parse(out, { skip_empty_lines: true }) as string[][];
          expect(back[0]).toEqual(['a', 'b', 'c "q"', 'd', 'p', 'note']);
          expect(back.slice(1).map((r) => r.slice(0, 4))).toEqual(expected.slice(1));
          expect(back[5].slice(4)).toEqual(['5', 'x,"5"']);
          expect(out.startsWith(`a,b,"c ""q""",d,p,note\n${lines[1]},1,`)).toBe(true);
        }
      }
    }
  });

  it('handles blank lines before the header and between rows, CRLF, and a last line without a line break', async () => {
    const { rows, out } = await roundTrip('\n\r\nx,y\r\n1,2\n\n3,"4"');
    expect(rows).toEqual([['1', '2'], ['3', '4']]);
    expect(out).toBe('x,y,p,note\n1,2,1,"x,""1"""\n3,"4",2,"x,""2"""\n');
  });

  it('gives the numbers toNum gives, or null when a cell is not a finite number', async () => {
    const cells = ['1', '-0', '007', '0.5', '-12.25', '1.', '.5', '1e5', ' 3 ', '0x10', '', '123456789012345678',
      '0.1234567890123456789', '-0.000', '9007199254740993', '3.14159265358979', '"2.5"'];
    const text = `v,w\n${cells.map((c, i) => `${c},${i === 3 ? 'Infinity' : i}`).join('\n')}\n`;
    const { rows, numberCols } = await roundTrip(text);
    const v = numberCols[0][0]!;
    expect(v).not.toBeNull();
    rows.forEach((r, i) => expect(Object.is(v[i], toNum(r[0]))).toBe(true));
    expect(numberCols[0][1]).toBeNull(); // 'Infinity' is text, as in a Table
    const rng = createRng(2);
    const many = Array.from({ length: 5000 }, () => (rng.normal() * 10 ** rng.int(8)).toFixed(rng.int(10)));
    const r2 = await roundTrip(`v\n${many.join('\n')}\n`, { batchSize: 1000 });
    const all = r2.numberCols.flatMap((c) => Array.from(c[0]!));
    many.forEach((s, i) => expect(Object.is(all[i], Number(s))).toBe(true));
  });

  it('reports records of the wrong width and unclosed quotes with their line', async () => {
    await expect(roundTrip('a,b\n1,2\n3\n')).rejects.toThrow(/line 3.*expected 2 columns, got 1/);
    await expect(roundTrip('a,b\n1,2\n3,4,5\n')).rejects.toThrow(/line 3.*got more/);
    await expect(roundTrip('a,b\n1,"2\n3,4\n')).rejects.toThrow(/line 2.*Quote Not Closed/);
    await expect(roundTrip('')).rejects.toThrow(/empty/);
    await expect(roundTrip('\n\n')).rejects.toThrow(/empty/);
  });
});
