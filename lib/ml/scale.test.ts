// Every helper that loops over rows, at a size that exposes size bugs (stack overflows from spreads,
// per-row objects), each kept to a few seconds.
import { describe, expect, it } from 'vitest';
import { ksStatistic } from './drift';
import { fitTransactionFeaturizer, transactionFeatures } from './features/transaction';
import { evaluate, prCurve, rocCurve } from './metrics';
import { buildBaseline } from './model-load';
import { trainModel } from './model';
import { createRng } from './rng';
import { thresholdSweep } from './sweep';
import { TableBuilder, tableFromRows } from './table';
import type { FeatureMatrix } from './types';

const N = 300_000;

function scores(n: number, seed: number) {
  const rng = createRng(seed);
  const y = new Uint8Array(n), p = new Float64Array(n);
  for (let i = 0; i < n; i++) { y[i] = rng.next() < 0.02 ? 1 : 0; p[i] = Math.min(1, Math.max(0, 0.3 * y[i] + rng.next() * 0.7)); }
  return { y, p };
}

describe(`row-sized helpers at ${N.toLocaleString('en-US')}+ rows`, () => {
  /** a, b numeric; fraud depends on both; optionally an ascending event_time. */
  function trainingTable(withTime: boolean) {
    const rng = createRng(11);
    const b = new TableBuilder(withTime ? ['a', 'b', 'event_time', 'is_fraud'] : ['a', 'b', 'is_fraud']);
    for (let i = 0; i < N; i++) {
      const a = rng.int(1000) / 100, bb = rng.int(1000) / 100;
      const fraud = a + bb + 3 * rng.next() > 17 ? '1' : '0';
      b.add(withTime ? [String(a), String(bb), String(1_700_000_000 + i * 10), fraud] : [String(a), String(bb), fraud]);
    }
    return b.finish();
  }
  const params = { rounds: 2, depth: 3, earlyStopping: 0 };

  it('trains from a column table with the stratified split', async () => {
    const m = await trainModel({ rows: trainingTable(false), labelColumn: 'is_fraud', algorithm: 'gbdt', params });
    expect(m.training).toMatchObject({ rows: N, split: 'stratified', trainRows: 0.8 * N, validRows: 0.2 * N });
    expect(m.metrics.rocAuc).toBeGreaterThan(0.8);
  });

  it('trains from a column table with the time split', async () => {
    const m = await trainModel({ rows: trainingTable(true), labelColumn: 'is_fraud', algorithm: 'gbdt', params, featureOptions: { tabular: { exclude: ['event_time'] } } });
    expect(m.training).toMatchObject({ rows: N, split: 'time', timestampColumn: 'event_time', trainRows: 0.8 * N, validRows: 0.2 * N });
    expect(m.featureNames).toEqual(['a', 'b']);
  });

  it('featurises transactions (velocity replay) without per-row objects', () => {
    const rng = createRng(5);
    const cats = ['grocery_pos', 'gas_transport', 'shopping_net'];
    const b = new TableBuilder(['unix_time', 'cc_num', 'amt', 'category']);
    const rows: Record<string, string>[] = [];
    for (let i = 0; i < N; i++) {
      const rec = [String(1_600_000_000 + i * 30 + rng.int(60)), String(4_000_000 + rng.int(2000)), (rng.next() * 200).toFixed(2), cats[rng.int(3)]];
      b.add(rec);
      if (i < 5000) rows.push({ unix_time: rec[0], cc_num: rec[1], amt: rec[2], category: rec[3] });
    }
    const table = b.finish();
    const spec = fitTransactionFeaturizer(tableFromRows(rows));
    const X = transactionFeatures(spec, table);
    expect(X.nRows).toBe(N);
    const count24 = X.columns[X.names.indexOf('card_tx_count_24h')];
    expect(count24[N - 1]).toBeGreaterThan(0);
    // The table path gives what the rows path gives.
    const fromRows = transactionFeatures(spec, rows), fromTable = transactionFeatures(spec, tableFromRows(rows));
    expect(fromTable.columns.map((c) => Array.from(c))).toEqual(fromRows.columns.map((c) => Array.from(c)));
  });

  it('draws ROC and PR curves from 400,000 distinct scores as at most 200 points', () => {
    const { y, p } = scores(400_000, 3);
    const roc = rocCurve(y, p), pr = prCurve(y, p);
    expect(roc).toHaveLength(200);
    expect(roc[0]).toEqual({ x: 0, y: 0, threshold: Infinity });
    expect(roc[199]).toMatchObject({ x: 1, y: 1 });
    expect(pr).toHaveLength(200);
    expect(pr[199].x).toBe(1);
    const m = evaluate(y, p, 0.5);
    expect(m.n).toBe(400_000);
    expect(m.rocAuc).toBeGreaterThan(0.6);
  });

  it('builds the drift baseline, sweeps thresholds and measures KS on 300,000 values', () => {
    const { y, p } = scores(N, 4);
    const col = Float64Array.from(p, (v, i) => (i % 10 === 0 ? NaN : v * 100));
    const X: FeatureMatrix = { nRows: N, columns: [col], names: ['f'], categorical: [false] };
    const base = buildBaseline(X, p, y, [{ name: 'f' }]);
    expect(base.features[0].edges).toHaveLength(9);
    expect(base.features[0].missing).toBeCloseTo(0.1, 5);
    expect(base.features[0].shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const sweep = thresholdSweep(y, p, { costFp: 1, costFn: 10 });
    expect(sweep[0].tp + sweep[0].fn).toBe(y.reduce((a, b) => a + b, 0));
    expect(ksStatistic(p, Float64Array.from(p, (v) => v * 0.5))).toBeGreaterThan(0.3);
  });
});
