// `vigil score <model.json> <in.csv> --out <out.csv>`: stream rows through a model, appending
// fraud_probability and decision. Memory stays flat: rows go through in batches.

import { loadModel } from '../../lib/ml/model-load';
import type { CardState } from '../../lib/ml/features/index';
import { CliError, optionalNumber, parseCli, requireString, runSafely } from './args';
import { checkFile, progressBar, readModelFile, streamCsv } from './csv';

const USAGE = 'vigil score <model.json> <in.csv> --out <out.csv> [--batch 20000]';

export async function run(argv: string[]): Promise<number> {
  return runSafely(async () => {
    const { values, positionals } = parseCli(argv, { out: { type: 'string', short: 'o' }, batch: { type: 'string' } }, { count: 2, usage: USAGE });
    const [modelPath, inPath] = positionals;
    const outPath = requireString(values, 'out');
    if (outPath === inPath) throw new CliError('--out must differ from the input file');
    const model = loadModel(await readModelFile(modelPath));
    const size = await checkFile(inPath, 'CSV file');
    const bar = progressBar(size);
    // Transaction velocity carries per-card state across batches; it assumes the file is in time order.
    const cardStates = new Map<string, CardState>();
    const started = Date.now();
    const n = await streamCsv(inPath, outPath, {
      batchSize: optionalNumber(values, 'batch', 1, 1e7) ?? 20_000,
      extraColumns: ['fraud_probability', 'decision'],
      onHeader: (header) => {
        const missing = model.missingColumns(header);
        if (missing.length) throw new CliError(`${inPath} lacks column(s) the model needs: ${missing.join(', ')}`);
      },
      transform: (rows) => {
        const p = model.scoreRows(rows, { cardStates });
        const cells = new Array<string>(p.length);
        for (let i = 0; i < p.length; i++) cells[i] = `${p[i].toFixed(6)},${model.decide(p[i])}`;
        return cells;
      },
      onProgress: (bytes, rows) => bar.update(bytes, rows),
    });
    bar.done();
    process.stderr.write(`scored ${n.toLocaleString('en-US')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outPath}\n`);
    return 0;
  });
}
