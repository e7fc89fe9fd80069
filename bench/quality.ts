// Model-quality benchmark: Vigil's featurisers + gbdt/forest against XGBoost on the same rows and split.
// Usage: npx tsx bench/quality.ts [data-dir]   (or VIGIL_DATA=...; default ../shared/data next to the repo)
// Needs /usr/bin/python3 with python3-xgboost and python3-sklearn (Debian) for the reference rows.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { featurize } from '../lib/ml/features/index';
import { parseLabel } from '../lib/ml/features/tabular';
import { toEpochSeconds } from '../lib/ml/features/values';
import { averagePrecision, rocAuc } from '../lib/ml/metrics';
import { type Algorithm, loadModel, trainModel } from '../lib/ml/model';
import { stratifiedSplit, timeSplit } from '../lib/ml/split';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(process.argv[2] ?? process.env.VIGIL_DATA ?? join(here, '..', '..', 'shared', 'data'));
const work = mkdtempSync(join(tmpdir(), 'vigil-quality-'));
type Row = Record<string, string>;

interface Result { dataset: string; model: string; rocAuc: number | null; prAuc: number | null; seconds?: number }
const results: Result[] = [];

function read(rel: string): Row[] {
  const path = join(dataDir, rel);
  if (!existsSync(path)) throw new Error(`missing ${path} (pass the data dir as the first argument or VIGIL_DATA)`);
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

/** Train ours; check the validation indices we hand to Python reproduce trainModel's own metrics. */
async function ours(dataset: string, rows: Row[], label: string, algorithm: Algorithm, valid: Uint32Array, extra: { timestampColumn?: string; kind?: 'transaction' } = {}) {
  const t0 = Date.now();
  const model = await trainModel({ rows, labelColumn: label, algorithm, ...extra });
  const seconds = (Date.now() - t0) / 1000;
  const p = loadModel(model).scoreRows(rows);
  const y = Uint8Array.from(valid, (i) => parseLabel(rows[i][label]) as number);
  const pv = Float64Array.from(valid, (i) => p[i]);
  const auc = rocAuc(y, pv);
  if (model.metrics.rocAuc === null || Math.abs(auc - model.metrics.rocAuc) > 1e-9) {
    throw new Error(`${dataset}: split mismatch (${auc} vs ${model.metrics.rocAuc})`);
  }
  results.push({ dataset, model: `vigil ${algorithm}`, rocAuc: auc, prAuc: averagePrecision(y, pv), seconds });
  process.stderr.write(`${dataset} ${algorithm}: done in ${seconds.toFixed(1)} s\n`);
  return model;
}

async function main() {
  const config: Record<string, unknown> = {};

  const sparkovPath = 'sparkov_fraudtest/fraudTest_union_sample.csv';
  const sparkov = read(sparkovPath);
  const sValid = timeSplit(Float64Array.from(sparkov, (r) => Number(r.unix_time)), 0.2).valid;
  const sModel = await ours('sparkov (time 80/20)', sparkov, 'is_fraud', 'gbdt', sValid, { timestampColumn: 'unix_time', kind: 'transaction' });
  await ours('sparkov (time 80/20)', sparkov, 'is_fraud', 'forest', sValid, { timestampColumn: 'unix_time', kind: 'transaction' });
  const F = featurize(sModel.featureSpec, sparkov);
  const featRows = Array.from({ length: F.nRows }, (_, i) => F.columns.map((c) => (Number.isNaN(c[i]) ? '' : String(c[i]))));
  writeFileSync(join(work, 'sparkov_features.csv'), stringify([F.names, ...featRows]));
  config.sparkov = { path: join(dataDir, sparkovPath), valid: Array.from(sValid), features: join(work, 'sparkov_features.csv') };

  const emailPath = 'email_addresses/data_points.csv';
  const emails = read(emailPath);
  const eValid = stratifiedSplit(Uint8Array.from(emails, (r) => Number(r.label)), 0.2, 42).valid;
  await ours('email seed set (stratified)', emails, 'label', 'gbdt', eValid);
  await ours('email seed set (stratified)', emails, 'label', 'forest', eValid);
  config.email = { path: join(dataDir, emailPath), valid: Array.from(eValid) };

  const awsPath = 'aws_registration/registration_data_20K_minimum.csv';
  const aws = read(awsPath);
  const aValid = timeSplit(Float64Array.from(aws, (r) => toEpochSeconds(r.EVENT_TIMESTAMP)), 0.2).valid;
  await ours('aws registration (time 80/20)', aws, 'EVENT_LABEL', 'gbdt', aValid);
  await ours('aws registration (time 80/20)', aws, 'EVENT_LABEL', 'forest', aValid);
  config.aws = { path: join(dataDir, awsPath), valid: Array.from(aValid) };

  writeFileSync(join(work, 'config.json'), JSON.stringify(config));
  const py = spawnSync('/usr/bin/python3', [join(here, 'quality.py'), work], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (py.status === 0) {
    const ref = JSON.parse(py.stdout.trim().split('\n').at(-1) ?? '{}');
    const add = (dataset: string, key: string, model: string) => ref[key] && results.push({ dataset, model, rocAuc: ref[key].roc_auc, prAuc: ref[key].pr_auc });
    add('sparkov (time 80/20)', 'sparkov_xgb_raw', `xgboost ${ref.xgboost} (raw cols + category codes)`);
    add('sparkov (time 80/20)', 'sparkov_xgb_vigil_features', `xgboost ${ref.xgboost} (vigil features)`);
    add('email seed set (stratified)', 'email_xgb_tfidf', `xgboost ${ref.xgboost} (tf-idf char 1-5)`);
    add('aws registration (time 80/20)', 'aws_xgb', `xgboost ${ref.xgboost} (tf-idf + ip octets + hour)`);
    add('aws registration (time 80/20)', 'aws_xgb_ip', `xgboost ${ref.xgboost} (ip octets only)`);
  } else {
    process.stderr.write(`python reference skipped: ${(py.stderr || py.error?.message || '').trim().split('\n').at(-1)}\n`);
  }

  const fmt = (v: number | null) => (v === null ? '   n/a' : v.toFixed(4));
  const order = [...new Set(results.map((r) => r.dataset))];
  console.log(`\n${'dataset'.padEnd(30)} ${'model'.padEnd(46)} ROC-AUC  PR-AUC  train s`);
  for (const d of order) {
    for (const r of results.filter((x) => x.dataset === d)) {
      console.log(`${d.padEnd(30)} ${r.model.padEnd(46)} ${fmt(r.rocAuc)}  ${fmt(r.prAuc)}  ${r.seconds?.toFixed(1) ?? ''}`);
    }
  }
  const best = (d: string, prefix: string) => Math.max(...results.filter((r) => r.dataset === d && r.model.startsWith(prefix)).map((r) => r.prAuc ?? 0));
  const sp = 'sparkov (time 80/20)';
  const xgbRaw = results.find((r) => r.dataset === sp && r.model.includes('raw'))?.prAuc ?? undefined;
  const emailAuc = results.find((r) => r.dataset.startsWith('email') && r.model === 'vigil gbdt')?.rocAuc ?? 0;
  console.log(`\ntargets: sparkov PR-AUC vigil gbdt ${fmt(results.find((r) => r.dataset === sp && r.model === 'vigil gbdt')?.prAuc ?? null)} ≥ xgboost raw ${xgbRaw === undefined ? 'n/a' : fmt(xgbRaw)}: `
    + `${xgbRaw === undefined ? 'n/a' : best(sp, 'vigil gbdt') >= xgbRaw ? 'PASS' : 'FAIL'}; email AUC ${fmt(emailAuc)} ≥ 0.99: ${emailAuc >= 0.99 ? 'PASS' : 'FAIL'}`);
}

main().catch((e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
