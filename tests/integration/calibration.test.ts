// The demo email model is trained on a 50% fraud set; production email traffic is mostly legitimate. With
// calibration and prior correction, ordinary name-style addresses at big providers are allowed.
import { beforeAll, describe, expect, it } from 'vitest';
import * as scoreEmailRoute from '@/app/api/score/email/route';
import * as settingsRoute from '@/app/api/monitoring/settings/[kind]/route';
import { backtest } from '@/lib/server/monitoring/backtest';
import { db } from '@/lib/server/platform/db';
import { KIND_DEFAULT_RATES } from '@/lib/server/decisions/expected-rate';
import { seedDemo } from '@/lib/server/demo/seed';
import { params, request, tokenFor } from './helpers';

const read = async (res: Response) => ({ status: res.status, json: await res.json() });
let viewer = '';
let admin = '';
let demoVersion = '';

const score = async (email: string) => {
  const res = await read(await scoreEmailRoute.POST(request('POST', '/api/score/email', { token: viewer, body: { email, modelVersionId: demoVersion } }), params({})));
  expect(res.status).toBe(200);
  return res.json as { decision: string; probability: number; calibratedProbability: number; expectedFraudRate: number | null; thresholds: { review: number; block: number } };
};
const setRate = async (expectedFraudRate: number | null) => {
  const res = await settingsRoute.PUT(request('PUT', '/api/monitoring/settings/email', { token: admin, body: { expectedFraudRate } }), params({ kind: 'email' }));
  expect(res.status).toBe(200);
};

const NAME_STYLE = ['john.smith1987@yahoo.com', 'mary.jones@gmail.com', 'peter.brown22@outlook.com'];
const SUSPICIOUS = ['xq7zk93vw8@mailinator.com', 'k2j9x8q7z4w@guerrillamail.com', 'zz8q2k9x7w3v@elppa.zz'];

beforeAll(async () => {
  viewer = await tokenFor('viewer');
  admin = await tokenFor('admin');
  await seedDemo();
  const v = await db().modelVersion.findFirstOrThrow({ where: { model: { name: 'email-default' } }, orderBy: { version: 'asc' }, select: { id: true } });
  demoVersion = v.id;
  // Another suite may have stored a setting for the kind: start from the default.
  await setRate(null);
}, 300_000);

describe('calibrated, prior-corrected email scoring on the demo model', () => {
  it('allows ordinary name-style addresses at big providers with the default expected rate', async () => {
    for (const email of NAME_STYLE) {
      const r = await score(email);
      expect(r.expectedFraudRate).toBe(KIND_DEFAULT_RATES['event:email']);
      expect(r.probability).toBeLessThan(r.thresholds.review);
      expect(r.decision, `${email} at ${r.probability}`).toBe('allow');
      // The stored score stays calibrated at the training rate (50%): far above the production probability.
      expect(r.calibratedProbability).toBeGreaterThan(r.probability);
    }
  });

  it('still flags disposable and random-looking addresses', async () => {
    for (const email of SUSPICIOUS) {
      const r = await score(email);
      expect(r.decision, `${email} at ${r.probability}`).toMatch(/review|block/);
    }
  });

  it('applies a changed expected rate at once, and the training rate undoes the correction', async () => {
    const demo = await db().modelVersion.findUniqueOrThrow({ where: { id: demoVersion }, select: { artifact: true } });
    expect(demo.artifact.length).toBeGreaterThan(0);
    await setRate(0.5);
    const r = await score('john.smith1987@yahoo.com');
    expect(r.expectedFraudRate).toBe(0.5);
    // At (about) the training rate the probability is the calibrated one.
    expect(Math.abs(r.probability - r.calibratedProbability)).toBeLessThan(0.02);
    await setRate(0.001);
    const low = await score('xq7zk93vw8@mailinator.com');
    expect(low.expectedFraudRate).toBe(0.001);
    await setRate(null);
    expect((await score('mary.jones@gmail.com')).expectedFraudRate).toBe(KIND_DEFAULT_RATES['event:email']);
  });

  it('backtests on the production scale, where the bands apply', async () => {
    const email = 'peter.brown22@outlook.com';
    const r = await score(email);
    const occurredAt = new Date();
    await db().event.create({ data: { eventType: 'email', typeVersion: 1, externalId: `calibration-bt-${Date.now()}`, occurredAt, payload: { email }, label: 'legit', entities: { create: [{ eventType: 'email', entity: 'email', key: email, occurredAt }] } } });
    const bt = await backtest(demoVersion);
    const scores = bt.scores.map(([p]) => p);
    expect(scores).toContain(Math.round(r.probability * 1e6) / 1e6);
    expect(r.probability).not.toBeCloseTo(r.calibratedProbability, 3);
  });

  it('refuses an expected rate outside (0, 1) with a JSON 400', async () => {
    const res = await settingsRoute.PUT(request('PUT', '/api/monitoring/settings/email', { token: admin, body: { expectedFraudRate: 1.5 } }), params({ kind: 'email' }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.expectedFraudRate).toBeDefined();
  });
});
