// Spreadsheet-safe CSV: text that starts like a formula is prefixed with a quote; numbers stay numbers.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, stringifyForSpreadsheet } from '@/lib/server/platform/csv-safe';

describe('neutraliseCell', () => {
  it('prefixes text starting with = + - @ tab or carriage return', () => {
    for (const text of ['=HYPERLINK("http://x")', '@SUM(A1)', '+1+cmd|" /C calc"!A0', '-2+3', '\t=1', '\r=1', '=1']) expect(neutraliseCell(text)).toBe(`'${text}`);
  });
  it('leaves ordinary text and plain numeric text alone', () => {
    for (const text of ['shopping_net', 'a=b', 'x@y.z', '', '-12.5', '+3', '-1e5', '.5']) expect(neutraliseCell(text)).toBe(text);
  });
});

describe('stringifyForSpreadsheet', () => {
  it('neutralises string cells only: a numeric -12.5 is written as a number', () => {
    const csv = stringifyForSpreadsheet([{ merchant: '=HYPERLINK("http://x")', email: '@SUM(A1)', amount: -12.5, note: '-2+3', ok: 'fine' }], { header: true, columns: ['merchant', 'email', 'amount', 'note', 'ok'] });
    const [header, row] = parse(csv) as string[][];
    expect(header).toEqual(['merchant', 'email', 'amount', 'note', 'ok']);
    expect(row).toEqual([`'=HYPERLINK("http://x")`, `'@SUM(A1)`, '-12.5', `'-2+3`, 'fine']);
    expect(csv.split('\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",'@SUM(A1),-12.5,'-2+3,fine`);
  });
  it('keeps a caller-supplied cast for other types', () => {
    const csv = stringifyForSpreadsheet([[true, '=1']], { cast: { boolean: (b) => (b ? 'yes' : 'no') } });
    expect(csv).toBe(`yes,'=1\n`);
  });
});
