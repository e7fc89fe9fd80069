// `vigil train` and `vigil eval` on 200,000 rows: the CSV goes into typed columns and the split no longer
// spreads a class of more than ~120,000 rows into push(...), which overflowed the stack before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as evalRun } from '@/scripts/cli/eval';
import { readCsvTable } from '@/scripts/cli/csv';
import { run as trainRun } from '@/scripts/cli/train';
import { writeSyntheticCsv } from '@/bench/lib/synthetic';

const ROWS = 200_000; // 198,000 negatives: well past the old overflow
const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-scale-'));
const csv = join(dir, 'big.csv'), model = join(dir, 'model.json');

let out: string[] = [];
function capture() {
  out = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
}
afterEach(() => vi.restoreAllMocks());
beforeAll(() => { writeSyntheticCsv(csv, ROWS, 5, 'is_fraud'); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`CLI on ${ROWS.toLocaleString('en-US')} rows`, () => {
  it('reads the file into numeric columns', async () => {
    const { header, table } = await readCsvTable(csv);
    expect(header).toHaveLength(16);
    expect(table.nRows).toBe(ROWS);
    expect(table.columns.every((c) => c.type === 'number')).toBe(true);
  });

  it('trains and evaluates', async () => {
    capture();
    expect(await trainRun([csv, '--label', 'is_fraud', '--params', 'rounds=2,depth=3,earlyStopping=0', '--out', model])).toBe(0);
    const trained = JSON.parse(out.at(-1)!);
    expect(trained).toMatchObject({ n: ROWS * 0.2, positives: ROWS * 0.002 });
    capture();
    expect(await evalRun([model, csv, '--label', 'is_fraud'])).toBe(0);
    const evaluated = JSON.parse(out.at(-1)!);
    expect(evaluated.n).toBe(ROWS);
    expect(evaluated.rocAuc).toBeGreaterThan(0.8);
  }, 30_000);
});
