// Model-quality benchmark: Vigil's featurisers + gbdt/forest against XGBoost on the same rows and split.
// Usage: npx tsx bench/quality.ts [data-dir]   (or VIGIL_DATA=...; default ../shared/data next to the repo)
// Figures are medians over VIGIL_QUALITY_SEEDS (default 42,7,2026), for Vigil and for XGBoost alike.
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
import { REGISTRATION } from '../lib/ml/events/presets';
import { type Algorithm, loadModel, type TrainedModel, type TrainInput, trainModel } from '../lib/ml/model';
import { stratifiedSplit, timeSplit } from '../lib/ml/split';
import { isMain } from './lib/process';

const here = dirname(fileURLToPath(import.meta.url));
export const defaultDataDir = (given?: string) => resolve(given ?? process.env.VIGIL_DATA ?? join(here, '..', '..', 'shared', 'data'));
type Row = Record<string, string>;

export interface QualityResult { dataset: string; model: string; rocAuc: number | null; prAuc: number | null; seconds?: number }
type Result = QualityResult;
/** One target of issue 12 item 3: ours against its bar (a fixed figure or the XGBoost reference). */
export interface QualityTarget { measurement: string; ours: number | null; reference: number | null; target: string; pass: boolean | null }
// Set per run by runQuality (the helpers below read them).
let dataDir = '';
let work = '';
let results: Result[] = [];
let SEEDS: number[] = [];
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const h = s.length >> 1; return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2; };

function read(rel: string): Row[] {
  const path = join(dataDir, rel);
  if (!existsSync(path)) throw new Error(`missing ${path} (pass the data dir as the first argument or VIGIL_DATA)`);
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

/** Train ours; check the validation indices we hand to Python reproduce trainModel's own metrics. */
type Extra = Pick<TrainInput, 'timestampColumn' | 'kind' | 'featureOptions'>;

/** Train ours once per seed (medians reported); check the validation indices we hand to Python reproduce trainModel's own metrics. */
async function ours(dataset: string, rows: Row[], label: string, algorithm: Algorithm, valid: Uint32Array, extra: Extra = {}, name = `vigil ${algorithm}`, seeds = SEEDS) {
  const roc: number[] = [], pr: number[] = [], secs: number[] = [];
  const y = Uint8Array.from(valid, (i) => parseLabel(rows[i][label]) as number);
  let model!: TrainedModel;
  for (const seed of seeds) {
    const t0 = Date.now();
    model = await trainModel({ rows, labelColumn: label, algorithm, seed, ...extra });
    secs.push((Date.now() - t0) / 1000);
    const p = loadModel(model).scoreRows(rows);
    const pv = Float64Array.from(valid, (i) => p[i]);
    const auc = rocAuc(y, pv);
    if (model.metrics.rocAuc === null || Math.abs(auc - model.metrics.rocAuc) > 1e-9) {
      throw new Error(`${dataset}: split mismatch (${auc} vs ${model.metrics.rocAuc})`);
    }
    roc.push(auc); pr.push(averagePrecision(y, pv));
  }
  results.push({ dataset, model: name, rocAuc: median(roc), prAuc: median(pr), seconds: median(secs) });
  process.stderr.write(`${dataset} ${name}: ROC-AUC ${roc.map((v) => v.toFixed(4)).join(' ')}, median train ${median(secs).toFixed(1)} s\n`);
  return model;
}

/** A model's feature matrix over all rows as CSV, for XGBoost on the same features. */
function writeFeatures(model: TrainedModel, rows: Row[], file: string): string {
  const F = featurize(model.featureSpec, rows);
  const featRows = Array.from({ length: F.nRows }, (_, i) => F.columns.map((c) => (Number.isNaN(c[i]) ? '' : String(c[i]))));
  writeFileSync(join(work, file), stringify([F.names, ...featRows]));
  return join(work, file);
}

/** Trains ours and the XGBoost references on the three data sets; every figure is a median over `seeds`. */
export async function runQuality(opts: { dataDir: string; seeds: number[] }): Promise<{ results: QualityResult[]; targets: QualityTarget[]; seeds: number[] }> {
  dataDir = opts.dataDir;
  SEEDS = opts.seeds;
  results = [];
  work = mkdtempSync(join(tmpdir(), 'vigil-quality-'));
  const config: Record<string, unknown> = {};

  const sparkovPath = 'sparkov_fraudtest/fraudTest_union_sample.csv';
  const sparkov = read(sparkovPath);
  const sValid = timeSplit(Float64Array.from(sparkov, (r) => Number(r.unix_time)), 0.2).valid;
  const sModel = await ours('sparkov (time 80/20)', sparkov, 'is_fraud', 'gbdt', sValid, { timestampColumn: 'unix_time', kind: 'transaction' });
  await ours('sparkov (time 80/20)', sparkov, 'is_fraud', 'forest', sValid, { timestampColumn: 'unix_time', kind: 'transaction' });
  config.sparkov = { path: join(dataDir, sparkovPath), valid: Array.from(sValid), features: writeFeatures(sModel, sparkov, 'sparkov_features.csv') };

  const emailPath = 'email_addresses/data_points.csv';
  const emails = read(emailPath);
  const eValid = stratifiedSplit(Uint8Array.from(emails, (r) => Number(r.label)), 0.2, 42).valid;
  // The stratified split is drawn with the training seed: one seed (42, the split above) on both sides.
  await ours('email seed set (stratified)', emails, 'label', 'gbdt', eValid, {}, 'vigil gbdt', [42]);
  await ours('email seed set (stratified)', emails, 'label', 'forest', eValid, {}, 'vigil forest', [42]);
  config.email = { path: join(dataDir, emailPath), valid: Array.from(eValid) };

  const awsPath = 'aws_registration/registration_data_20K_minimum.csv';
  const aws = read(awsPath);
  const aValid = timeSplit(Float64Array.from(aws, (r) => toEpochSeconds(r.EVENT_TIMESTAMP)), 0.2).valid;
  const awsName = 'aws registration (time 80/20)';
  // As a user importing the CSV with no event type (tabular), and as the registration event type.
  const aModel = await ours(awsName, aws, 'EVENT_LABEL', 'gbdt', aValid);
  await ours(awsName, aws, 'EVENT_LABEL', 'forest', aValid);
  const registration: Extra = { kind: 'event', featureOptions: { eventType: REGISTRATION } };
  await ours(awsName, aws, 'EVENT_LABEL', 'gbdt', aValid, registration, 'vigil gbdt (registration event type)');
  await ours(awsName, aws, 'EVENT_LABEL', 'forest', aValid, registration, 'vigil forest (registration event type)');
  config.aws = { path: join(dataDir, awsPath), valid: Array.from(aValid), features: writeFeatures(aModel, aws, 'aws_features.csv') };

  config.seeds = SEEDS;
  writeFileSync(join(work, 'config.json'), JSON.stringify(config));
  const py = spawnSync('/usr/bin/python3', [join(here, 'quality.py'), work], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (py.status === 0) {
    const ref = JSON.parse(py.stdout.trim().split('\n').at(-1) ?? '{}');
    const add = (dataset: string, key: string, model: string) => ref[key] && results.push({ dataset, model, rocAuc: ref[key].roc_auc, prAuc: ref[key].pr_auc });
    add('sparkov (time 80/20)', 'sparkov_xgb_raw', `xgboost ${ref.xgboost} (raw cols + category codes)`);
    add('sparkov (time 80/20)', 'sparkov_xgb_vigil_features', `xgboost ${ref.xgboost} (vigil features)`);
    add('email seed set (stratified)', 'email_xgb_tfidf', `xgboost ${ref.xgboost} (tf-idf char 1-5)`);
    add('aws registration (time 80/20)', 'aws_xgb_quick', `xgboost ${ref.xgboost} (quick features)`);
    add('aws registration (time 80/20)', 'aws_xgb_vigil_features', `xgboost ${ref.xgboost} (vigil tabular features)`);
    add('aws registration (time 80/20)', 'aws_xgb', `xgboost ${ref.xgboost} (tf-idf + ip octets + hour)`);
    add('aws registration (time 80/20)', 'aws_xgb_ip', `xgboost ${ref.xgboost} (ip octets only)`);
  } else {
    process.stderr.write(`python reference skipped: ${(py.stderr || py.error?.message || '').trim().split('\n').at(-1)}\n`);
  }

  return { results, targets: qualityTargets(results, awsName), seeds: SEEDS };
}

function qualityTargets(all: Result[], awsName: string): QualityTarget[] {
  const sp = 'sparkov (time 80/20)';
  const find = (dataset: (d: string) => boolean, model: (m: string) => boolean) => all.find((r) => dataset(r.dataset) && model(r.model));
  const xgbRaw = find((d) => d === sp, (m) => m.includes('raw'))?.prAuc ?? null;
  const oursSp = find((d) => d === sp, (m) => m === 'vigil gbdt')?.prAuc ?? null;
  const emailAuc = find((d) => d.startsWith('email'), (m) => m === 'vigil gbdt')?.rocAuc ?? null;
  const quick = find((d) => d === awsName, (m) => m.includes('quick features'))?.rocAuc ?? null;
  const awsBar = Math.max(0.947, quick ?? 0);
  const cmp = (a: number | null, bar: number | null) => (a === null || bar === null ? null : a >= bar);
  return [
    ...['vigil gbdt', 'vigil gbdt (registration event type)'].map((m) => {
      const ours = find((d) => d === awsName, (x) => x === m)?.rocAuc ?? null;
      return { measurement: `AWS registration, time 80/20, ROC-AUC (${m.replace('vigil ', '')})`, ours, reference: quick, target: '≥ 0.947 and ≥ XGBoost quick features', pass: cmp(ours, awsBar) };
    }),
    { measurement: 'email seed set, stratified, ROC-AUC (gbdt)', ours: emailAuc, reference: find((d) => d.startsWith('email'), (m) => m.includes('tf-idf'))?.rocAuc ?? null, target: '≥ 0.99', pass: cmp(emailAuc, 0.99) },
    { measurement: 'Sparkov, time 80/20, PR-AUC (gbdt)', ours: oursSp, reference: xgbRaw, target: '≥ XGBoost raw columns', pass: cmp(oursSp, xgbRaw) },
  ];
}

async function main() {
  const { results, targets, seeds } = await runQuality({ dataDir: defaultDataDir(process.argv[2]), seeds: (process.env.VIGIL_QUALITY_SEEDS ?? '42,7,2026').split(',').map(Number) });
  const SEEDS = seeds;
  const fmt = (v: number | null) => (v === null ? '   n/a' : v.toFixed(4));
  const order = [...new Set(results.map((r) => r.dataset))];
  console.log(`\nmedians over seeds ${SEEDS.join(', ')}`);
  console.log(`${'dataset'.padEnd(30)} ${'model'.padEnd(46)} ROC-AUC  PR-AUC  train s`);
  for (const d of order) {
    for (const r of results.filter((x) => x.dataset === d)) {
      console.log(`${d.padEnd(30)} ${r.model.padEnd(46)} ${fmt(r.rocAuc)}  ${fmt(r.prAuc)}  ${r.seconds?.toFixed(1) ?? ''}`);
    }
  }
  console.log('');
  for (const t of targets) {
    console.log(`target: ${t.measurement} ${fmt(t.ours)} (reference ${fmt(t.reference)}) ${t.target}: ${t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'FAIL'}`);
  }
}

if (isMain(import.meta.url)) main().catch((e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
