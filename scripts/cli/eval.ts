// `vigil eval <model.json> <csv> --label <column>`: score a labelled file and print the metrics JSON.

import { evaluate } from '../../lib/ml/metrics';
import { loadModel } from '../../lib/ml/model';
import { parseLabel } from '../../lib/ml/features/tabular';
import { CliError, optionalNumber, parseCli, requireString, runSafely } from './args';
import { readCsv, readModelFile } from './csv';

const USAGE = 'vigil eval <model.json> <csv> --label <column> [--threshold <p>]';

export async function run(argv: string[]): Promise<number> {
  return runSafely(async () => {
    const { values, positionals } = parseCli(argv, { label: { type: 'string' }, threshold: { type: 'string' } }, { count: 2, usage: USAGE });
    const label = requireString(values, 'label');
    const model = loadModel(await readModelFile(positionals[0]));
    const { header, rows } = await readCsv(positionals[1]);
    if (!header.includes(label)) throw new CliError(`label column '${label}' not found in ${positionals[1]} (columns: ${header.join(', ')})`);
    const missing = model.missingColumns(header);
    if (missing.length) throw new CliError(`${positionals[1]} lacks column(s) the model needs: ${missing.join(', ')}`);
    // Score every row (unlabelled ones are still history for velocity), evaluate the labelled ones.
    const p = model.scoreRows(rows);
    const idx = rows.flatMap((r, i) => (parseLabel(r[label]) === null ? [] : [i]));
    if (!idx.length) throw new CliError(`no usable labels in column '${label}'`);
    const y = Uint8Array.from(idx, (i) => parseLabel(rows[i][label]) as number);
    const threshold = optionalNumber(values, 'threshold', 0, 1) ?? model.model.threshold;
    const m = evaluate(y, Float64Array.from(idx, (i) => p[i]), threshold);
    process.stderr.write(`${idx.length.toLocaleString('en-US')} labelled rows: ROC-AUC ${m.rocAuc?.toFixed(4) ?? 'n/a'}, PR-AUC ${m.averagePrecision?.toFixed(4) ?? 'n/a'}\n`);
    process.stdout.write(`${JSON.stringify(m)}\n`);
    return 0;
  });
}
