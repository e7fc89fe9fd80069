// Anonymous callers of the seeds' credential-less routes get small requests at a bounded rate;
// callers with a token keep the normal limits. The seeds' documented requests still work anonymously.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as fraudDetection from '@/app/fraud_detection/route';
import * as ping from '@/app/ping/route';
import * as predict from '@/app/predict/route';
import { ANONYMOUS_LIMITS } from '@/lib/server/compat/anonymous-limits';
import { resetScoringCache } from '@/lib/server/decisions/scoring';
import { seedDemo } from '@/lib/server/demo/seed';
import { params, request, tokenFor } from './helpers';

const record = { customer_id: 345435, number_of_open_accounts: 23, total_credit_limit: 12345, total_balance: 200000, number_of_accounts_in_arrears: 2 };
/** A fresh client address per call, as the web server would set it (random ones met 1 run in 254: one limited). */
let next = crypto.randomInt(0, 200);
const address = () => `198.51.100.${1 + (next++ % 254)}`;
const from = (ip: string, extra: Record<string, string> = {}) => ({ 'x-vigil-client-ip': ip, ...extra });

/** Seed 004's body with `n` events: about 1.8 MB for n = 60,000. */
function bigPredictBody(n: number) {
  const ids = Array.from({ length: n }, (_, i) => `user-${i % 5000}`);
  return JSON.stringify({ UserId: ids, Event: ids.map(() => 'send_email'), Category: ids.map(() => 'Motor') });
}

let token = '';

beforeAll(async () => {
  delete process.env.VIGIL_COMPAT_AUTH;
  await seedDemo();
  resetScoringCache();
  token = await tokenFor('analyst');
}, 180_000);

describe('anonymous limits on the seed routes', () => {
  it('answers the seeds’ documented requests anonymously', async () => {
    const ip = address();
    const scored = await fraudDetection.POST(request('POST', '/fraud_detection', { body: [record], headers: from(ip) }), params({}));
    expect(scored.status).toBe(200);
    expect(await scored.json()).toEqual([expect.any(Number)]);
    const sketch = await predict.POST(request('POST', '/predict', { body: { UserId: [0], Event: [0], Category: [0] }, headers: from(ip) }), params({}));
    expect(sketch.status).toBe(200);
  });

  it('refuses more than 100 records without a token (413), and takes them with one', async () => {
    const records = Array.from({ length: ANONYMOUS_LIMITS.maxRecords + 1 }, (_, i) => ({ ...record, customer_id: i }));
    const anonymous = await fraudDetection.POST(request('POST', '/fraud_detection', { body: records, headers: from(address()) }), params({}));
    expect(anonymous.status).toBe(413);
    expect((await anonymous.json()).error).toMatchObject({ code: 'too_many_records', message: expect.stringMatching(/101 records; the limit is 100 without an API token/) });
    const withToken = await fraudDetection.POST(request('POST', '/fraud_detection', { token, body: records }), params({}));
    expect(withToken.status).toBe(200);
    expect(await withToken.json()).toHaveLength(101);
  });

  it('answers three anonymous 1.8 MB /predict requests with 413 at once, and /ping stays fast', async () => {
    const body = bigPredictBody(60_000);
    expect(body.length).toBeGreaterThan(1_800_000);
    const started = performance.now();
    const posts = [0, 1, 2].map((i) =>
      predict.POST(request('POST', '/predict', { body, headers: from(address(), i === 0 ? { 'content-length': String(body.length) } : {}) }), params({})),
    );
    const pingStarted = performance.now();
    const pong = await ping.GET(request('GET', '/ping'), params({}));
    const pingMs = performance.now() - pingStarted;
    const answers = await Promise.all(posts);
    const elapsed = performance.now() - started;
    expect(pong.status).toBe(200);
    for (const res of answers) {
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe('payload_too_large');
    }
    expect(pingMs).toBeLessThan(250);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('gives a token holder the normal body limit for the same 1.8 MB request', async () => {
    const res = await predict.POST(request('POST', '/predict', { token, body: bigPredictBody(60_000) }), params({}));
    expect(res.status).toBe(200);
    expect((await res.json()).UserId).toHaveLength(5000);
  });

  it('allows 60 anonymous requests a minute per address, then 429 with Retry-After', async () => {
    const ip = address();
    const send = (headers: Record<string, string>, opts: { token?: string } = {}) =>
      predict.POST(request('POST', '/predict', { ...opts, body: { UserId: [0], Event: [0], Category: [0] }, headers }), params({}));
    for (let i = 0; i < ANONYMOUS_LIMITS.perMinute; i++) expect((await send(from(ip))).status).toBe(200);
    const limited = await send(from(ip));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await limited.json()).error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('API token') });
    // The limit is per address, and a token lifts it.
    expect((await send(from(address()))).status).toBe(200);
    expect((await send(from(ip), { token })).status).toBe(200);
  });
});
