// `vigil train <csv> --label <col> --out model.json`: fit a model, print validation metrics as JSON (last stdout line).

import { writeFile } from 'node:fs/promises';
import { FEATURE_KINDS, type FeatureKind } from '../../lib/ml/features/index';
import { ALGORITHMS, type Algorithm, trainModel, validateParams } from '../../lib/ml/model';
import { CliError, optionalNumber, parseCli, parseParams, requireString, runSafely } from './args';
import { readCsvTable } from './csv';

const USAGE = 'vigil train <csv> --label <column> [--kind email|transaction|tabular] [--algorithm gbdt|forest|ml-random-forest] '
  + '[--params k=v,...] [--timestamp <column>] [--exclude col,...] [--valid 0.2] [--cost-fp 1] [--cost-fn 10] [--seed 42] --out <model.json>';

export async function run(argv: string[]): Promise<number> {
  return runSafely(async () => {
    const { values, positionals } = parseCli(argv, {
      label: { type: 'string' }, kind: { type: 'string' }, algorithm: { type: 'string' }, params: { type: 'string' },
      timestamp: { type: 'string' }, exclude: { type: 'string' }, valid: { type: 'string' }, 'cost-fp': { type: 'string' }, 'cost-fn': { type: 'string' },
      seed: { type: 'string' }, out: { type: 'string', short: 'o' },
    }, { count: 1, usage: USAGE });
    const label = requireString(values, 'label');
    const out = requireString(values, 'out');
    const kind = values.kind as string | undefined;
    if (kind !== undefined && !FEATURE_KINDS.includes(kind as FeatureKind)) throw new CliError(`--kind must be one of ${FEATURE_KINDS.join(', ')}`);
    const algorithm = (values.algorithm as string | undefined) ?? 'gbdt';
    if (!ALGORITHMS.includes(algorithm as Algorithm)) throw new CliError(`--algorithm must be one of ${ALGORITHMS.join(', ')}`);

    const params = parseParams(values.params as string | undefined);
    validateParams(algorithm as Algorithm, params); // fail before reading a large file
    const { header, table } = await readCsvTable(positionals[0]);
    if (!header.includes(label)) throw new CliError(`label column '${label}' not found in ${positionals[0]} (columns: ${header.join(', ')})`);
    const timestamp = values.timestamp as string | undefined;
    if (timestamp && !header.includes(timestamp)) throw new CliError(`timestamp column '${timestamp}' not found in ${positionals[0]}`);

    const exclude = ((values.exclude as string | undefined) ?? '').split(',').map((c) => c.trim()).filter(Boolean);
    const unknownCols = exclude.filter((c) => !header.includes(c));
    if (unknownCols.length) throw new CliError(`--exclude: no column(s) ${unknownCols.join(', ')} in ${positionals[0]}`);
    const log = (s: string) => process.stderr.write(`${s}\n`);
    log(`read ${table.nRows.toLocaleString('en-US')} rows from ${positionals[0]}`);
    let lastPct = -1;
    const model = await trainModel({
      kind: kind as FeatureKind | undefined, rows: table, labelColumn: label, algorithm: algorithm as Algorithm,
      params, timestampColumn: timestamp, featureOptions: { tabular: { exclude } },
      validFraction: optionalNumber(values, 'valid', 0.01, 0.9), costFp: optionalNumber(values, 'cost-fp', 1e-9, 1e12),
      costFn: optionalNumber(values, 'cost-fn', 1e-9, 1e12), seed: optionalNumber(values, 'seed', 0, 2 ** 32 - 1),
    }, {
      onStage: log,
      onProgress: (done, total) => {
        const pct = Math.floor((100 * done) / total / 10) * 10;
        if (pct !== lastPct) { lastPct = pct; log(`  ${done}/${total} ${algorithm === 'gbdt' ? 'rounds' : 'trees'}`); }
      },
    });
    await writeFile(out, JSON.stringify(model));
    const m = model.metrics;
    log(`${model.kind} ${algorithm}: validation ROC-AUC ${m.rocAuc?.toFixed(4) ?? 'n/a'}, PR-AUC ${m.averagePrecision?.toFixed(4) ?? 'n/a'}, `
      + `threshold ${model.threshold.toFixed(4)} (${model.training.split} split) → ${out}`);
    process.stdout.write(`${JSON.stringify(m)}\n`);
    return 0;
  });
}
