import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { buildInHalves, histogramLayout, toHistogramBins } from './histogram';
import { HistogramHelper } from './histogram-helper';
import { createRng } from './rng';
import { workerScript } from './tree';

describe('HistogramHelper', () => {
  it('builds on a second thread exactly what buildInHalves builds on one', async () => {
    const n = 40_000, rng = createRng(3);
    const layout = histogramLayout(Uint16Array.from([256, 10, 3, 256]));
    const binned = Array.from(layout.nBins, (nb) => Uint8Array.from({ length: n }, () => rng.int(nb)));
    const bins = toHistogramBins(binned, n, layout, true);
    const gh = new Float64Array(new SharedArrayBuffer(2 * n * 8));
    for (let k = 0; k < gh.length; k++) gh[k] = rng.normal();
    const rows = new Uint32Array(new SharedArrayBuffer(n * 4));
    for (let i = 0; i < n; i++) rows[i] = (i * 7919) % n;
    const helper = HistogramHelper.start(bins, gh, rows, layout, Worker,
      workerScript(new URL('./gbdt.ts', import.meta.url).href, 'histogram-helper', 'runHistogramWorker'));
    try {
      const deadline = Date.now() + 15_000;
      while (!helper.ready && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(helper.ready).toBe(true);
      for (const features of [null, Int32Array.from([0, 3])]) {
        const expected = new Float64Array(layout.totalBins * 2);
        buildInHalves(expected, new Float64Array(expected.length), layout, bins, gh, rows, 100, n - 50, features);
        const actual = new Float64Array(layout.totalBins * 2);
        helper.build(actual, layout, 100, n - 50, features);
        expect(Buffer.from(actual.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
      }
    } finally {
      helper.close();
    }
  });
});
