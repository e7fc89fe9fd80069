// `vigil eval <model.json> <csv> --label <column>`: score a labelled file and print the metrics JSON.

import { evaluate } from '../../lib/ml/metrics';
import { loadModel } from '../../lib/ml/model';
import { parseLabel } from '../../lib/ml/features/tabular';
import { CliError, optionalNumber, parseCli, requireString, runSafely } from './args';
import { tableView } from '../../lib/ml/table';
import { readCsvTable, readModelFile } from './csv';

const USAGE = 'vigil eval <model.json> <csv> --label <column> [--threshold <p>]';

export async function run(argv: string[]): Promise<number> {
  return runSafely(async () => {
    const { values, positionals } = parseCli(argv, { label: { type: 'string' }, threshold: { type: 'string' } }, { count: 2, usage: USAGE });
    const label = requireString(values, 'label');
    const model = loadModel(await readModelFile(positionals[0]));
    const { header, table } = await readCsvTable(positionals[1]);
    if (!header.includes(label)) throw new CliError(`label column '${label}' not found in ${positionals[1]} (columns: ${header.join(', ')})`);
    const missing = model.missingColumns(header);
    if (missing.length) throw new CliError(`${positionals[1]} lacks column(s) the model needs: ${missing.join(', ')}`);
    // Score every row (unlabelled ones are still history for velocity), evaluate the labelled ones.
    const p = model.scoreRows(table);
    const readLabel = tableView(table).reader(label)!;
    const yAll = new Int8Array(table.nRows);
    let n = 0;
    for (let i = 0; i < table.nRows; i++) { const l = parseLabel(readLabel(i)); yAll[i] = l ?? -1; if (l !== null) n++; }
    if (!n) throw new CliError(`no usable labels in column '${label}'`);
    const y = new Uint8Array(n), pl = new Float64Array(n);
    for (let i = 0, k = 0; i < table.nRows; i++) if (yAll[i] >= 0) { y[k] = yAll[i]; pl[k++] = p[i]; }
    const threshold = optionalNumber(values, 'threshold', 0, 1) ?? model.model.threshold;
    const m = evaluate(y, pl, threshold);
    process.stderr.write(`${n.toLocaleString('en-US')} labelled rows: ROC-AUC ${m.rocAuc?.toFixed(4) ?? 'n/a'}, PR-AUC ${m.averagePrecision?.toFixed(4) ?? 'n/a'}\n`);
    process.stdout.write(`${JSON.stringify(m)}\n`);
    return 0;
  });
}
