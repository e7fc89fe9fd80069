import { describe, expect, it } from 'vitest';
import { loadModel, ParamError, trainModel, validateParams } from './model';
import { applyCalibration } from './calibration';
import { createRng } from './rng';

const FIRST = ['anna', 'bob', 'carla', 'david', 'emma', 'frank', 'grace', 'henry', 'irene', 'jack', 'laura', 'mike'];
const LAST = ['smith', 'jones', 'brown', 'taylor', 'wilson', 'evans', 'thomas', 'roberts', 'walker', 'wright'];

export function emailRows(n: number, seed = 1) {
  const rng = createRng(seed);
  const rand = (k: number) => Array.from({ length: k }, () => rng.pick([...'abcdefghijklmnopqrstuvwxyz0123456789'])).join('');
  return Array.from({ length: n }, (_, i) => {
    const fraud = rng.next() < 0.3;
    const email = fraud
      ? `${rand(5 + rng.int(5))}.${rand(5 + rng.int(5))}@${rng.pick(['elppa.zz', 'gmail.moc', 'oohay.uk', 'gmail.com', 'look.us'])}`
      : `${rng.pick(FIRST)}.${rng.pick(LAST)}${rng.next() < 0.2 ? rng.int(99) : ''}@${rng.pick(['gmail.com', 'yahoo.fr', 'outlook.uk'])}`;
    return { id: String(i), email, label: fraud ? '1' : '0' };
  });
}

/** Sparkov-like: 60 cards over 20 days; fraud comes in night-time bursts of large amounts. */
export function txRows(seed = 2) {
  const rng = createRng(seed);
  const rows: Record<string, string>[] = [];
  const start = Date.UTC(2020, 5, 1) / 1000;
  const cats = ['grocery_pos', 'gas_transport', 'shopping_net', 'misc_net', 'home'];
  for (let c = 0; c < 60; c++) {
    const card = String(4000000000000000 + c * 7919);
    let t = start + rng.int(86400);
    const fraudDay = rng.next() < 0.4 ? 5 + rng.int(14) : -1;
    while (t < start + 20 * 86400) {
      t += 3600 * (4 + rng.int(30));
      const day = Math.floor((t - start) / 86400);
      const burst = day === fraudDay;
      const n = burst ? 4 : 1;
      for (let k = 0; k < n; k++) {
        const tt = burst ? start + day * 86400 + 3600 * 2 + k * 600 : t;
        const d = new Date(tt * 1000).toISOString().replace('T', ' ').slice(0, 19);
        rows.push({
          trans_date_trans_time: d, cc_num: card, merchant: 'fraud_X', category: burst ? 'shopping_net' : rng.pick(cats),
          amt: (burst ? 300 + rng.next() * 900 : 5 + rng.next() * 80).toFixed(2), gender: c % 2 ? 'F' : 'M',
          lat: '40', long: '-74', city_pop: String(1000 + c * 100), dob: '1980-01-01', unix_time: String(tt),
          merch_lat: String(40 + rng.next()), merch_long: String(-74 + rng.next()), is_fraud: burst ? '1' : '0',
        });
      }
      if (burst) break;
    }
  }
  return rows;
}

describe('validateParams', () => {
  it('fills defaults and coerces numeric strings', () => {
    expect(validateParams('gbdt', { rounds: '50', learningRate: 0.2 })).toMatchObject({ rounds: 50, learningRate: 0.2, depth: 6 });
    expect(validateParams('forest', { maxFeatures: 'sqrt' })).toMatchObject({ maxFeatures: 'sqrt' });
  });
  it('names unknown parameters and lists the allowed ones', () => {
    expect(() => validateParams('gbdt', { trees: 10 })).toThrow(ParamError);
    expect(() => validateParams('gbdt', { trees: 10 })).toThrow(/unknown parameter 'trees' for gbdt; allowed: rounds, depth/);
    expect(() => validateParams('forest', { depth: 0 })).toThrow(/depth/);
  });
});

describe('trainModel / loadModel', () => {
  it('trains an email gbdt model that round-trips through JSON and explains itself', async () => {
    const rows = emailRows(1500);
    const progress: number[] = [];
    const m = await trainModel({ rows, labelColumn: 'label', algorithm: 'gbdt', params: { rounds: 60 } }, { onProgress: (d) => progress.push(d) });
    expect(m.kind).toBe('email');
    expect(m.training.split).toBe('stratified');
    expect(m.metrics.rocAuc).toBeGreaterThan(0.97);
    expect(m.threshold).toBeCloseTo(1 / 11);
    expect(progress.length).toBeGreaterThan(0);
    const json = JSON.stringify(m);
    const loaded = loadModel(json);
    const p = loaded.scoreRows(rows.slice(0, 50));
    expect(Array.from(loadModel(m).scoreRows(rows.slice(0, 50)))).toEqual(Array.from(p));
    const bad = { id: 'x', email: 'x8q2k9z.w7v3@elppa.zz', label: '' };
    const ex = loaded.explainRow(bad);
    const sum = ex.contributions.reduce((a, b) => a + b, 0);
    expect(1 / (1 + Math.exp(-sum))).toBeCloseTo(ex.uncalibrated, 6);
    expect(ex.probability).toBeCloseTo(applyCalibration(m.calibration, ex.uncalibrated), 12);
    expect(ex.probability).toBeGreaterThan(0.5);
    expect(ex.decision).toBe('block');
    expect(ex.reasons.length).toBeGreaterThan(0);
    expect(ex.reasons.map((r) => r.text).join(' | ')).toMatch(/mirrored brand \(elppa\.zz\)|random-looking|character patterns|name/);
  });

  it('trains transaction models on a time split, with velocity features', async () => {
    const rows = txRows();
    const m = await trainModel({ rows, labelColumn: 'is_fraud', algorithm: 'forest', params: { trees: 40 } });
    expect(m.kind).toBe('transaction');
    expect(m.training.split).toBe('time');
    expect(m.metrics.rocAuc).toBeGreaterThan(0.9);
    const loaded = loadModel(JSON.parse(JSON.stringify(m)));
    const fraud = rows.filter((r) => r.is_fraud === '1');
    const last = fraud[3];
    const history = rows.filter((r) => r.cc_num === last.cc_num && Number(r.unix_time) < Number(last.unix_time));
    const ex = loaded.explainRow(last, { history });
    expect(ex.probability).toBeGreaterThan(0.5);
    expect(ex.reasons.map((r) => r.text).join(' | ')).toMatch(/this card|night-time|amount/);
  });

  it('runs the ml-random-forest reference on tabular data and refuses unknown params', async () => {
    const rng = createRng(5);
    const rows = Array.from({ length: 800 }, () => {
      const a = rng.normal(), b = rng.pick(['x', 'y', 'z']);
      const fraud = rng.next() < 1 / (1 + Math.exp(-(2 * a + (b === 'z' ? 1.5 : -1) - 1.5)));
      return { a: a.toFixed(3), b, noise: rng.normal().toFixed(3), y: fraud ? 'fraud' : 'legit' };
    });
    const m = await trainModel({ rows, labelColumn: 'y', algorithm: 'ml-random-forest', params: { trees: 20 } });
    expect(m.kind).toBe('tabular');
    expect(m.metrics.rocAuc).toBeGreaterThan(0.75);
    const loaded = loadModel(JSON.parse(JSON.stringify(m)));
    expect(loaded.scoreRows(rows.slice(0, 5))).toHaveLength(5);
    const ex = loaded.explainRow(rows[0]);
    expect(ex.contributions.reduce((s, v) => s + v, 0)).toBeCloseTo(ex.uncalibrated, 9);
    await expect(trainModel({ rows, labelColumn: 'y', algorithm: 'gbdt', params: { trees: 5 } })).rejects.toThrow(/allowed: rounds/);
    await expect(trainModel({ rows, labelColumn: 'nope', algorithm: 'gbdt' })).rejects.toThrow(/label column 'nope' not found/);
    expect(() => loadModel(m).scoreRows([{ a: '1' }])).toThrow(/missing column\(s\): b/);
  });
});

describe('calibration in training', () => {
  it('fits on the early-stopping holdout, stores it with the training rate, and leaves old artefacts unchanged', async () => {
    const rows = emailRows(3000, 4);
    const m = await trainModel({ rows, labelColumn: 'label', algorithm: 'gbdt', params: { rounds: 60 } });
    const positives = rows.filter((r) => r.label === '1').length;
    expect(m.trainRate).toBeGreaterThan(0.2);
    expect(Math.abs(m.trainRate! - positives / rows.length)).toBeLessThan(0.03);
    expect(m.calibration?.method).toMatch(/platt|isotonic|identity/);
    const report = m.calibrationReport!;
    // Fitted on the holdout (a tenth of the training rows), reported on the untouched validation split.
    expect(Math.abs(report.fittedOn - m.training.trainRows * 0.1)).toBeLessThanOrEqual(2);
    expect(report.before.reduce((s, b) => s + b.count, 0)).toBe(m.metrics.n);
    expect(report.after).toEqual(m.metrics.calibration);
    if (m.calibration?.method !== 'identity') {
      expect(Math.min(report.heldOutLogLoss!.platt, report.heldOutLogLoss!.isotonic)).toBeLessThanOrEqual(report.heldOutLogLoss!.identity);
    }
    const loaded = loadModel(JSON.stringify(m));
    const legacy = loadModel(JSON.stringify({ ...m, calibration: undefined, trainRate: undefined, calibrationReport: undefined }));
    const p = loaded.scoreRows(rows.slice(0, 200)), raw = legacy.scoreRows(rows.slice(0, 200));
    for (let i = 0; i < p.length; i++) expect(p[i]).toBeCloseTo(applyCalibration(m.calibration, raw[i]), 12);
    expect(legacy.explainRow(rows[0]).probability).toBe(legacy.explainRow(rows[0]).uncalibrated);
  });
});
