// Alerts fan out to a real HTTP receiver: signed bodies, retries with backoff, visible failures, re-send.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseAlerts } from '@/lib/server/alerts';
import { db } from '@/lib/server/db';
import { JOB_HANDLERS } from '@/lib/server/job-handlers';
import { createWebhook, resendDelivery, sign } from '@/lib/server/webhooks';
import { createWorker } from '@/lib/server/worker';
import { resetJobs } from './helpers';

const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let failing = true;
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    received.push({ headers: req.headers, body });
    res.statusCode = req.url === '/flaky' && failing ? 503 : 204;
    res.end();
  });
});
const worker = createWorker({ handlers: JOB_HANDLERS, leaseMs: 5_000, pollMs: 50 });
const admin = { kind: 'user' as const, id: 'test-admin', label: 'admin@test', name: 'Admin', role: 'admin' as const };
let base = '';

const waitFor = async (check: () => Promise<boolean>, ms = 30_000) => {
  for (const until = Date.now() + ms; Date.now() < until; ) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
};

beforeAll(async () => {
  await resetJobs();
  await db().webhook.deleteMany({});
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  void worker.start();
});
afterAll(async () => {
  await worker.stop();
  server.close();
});

describe('webhooks', () => {
  it('delivers HMAC-signed alert bodies that the receiver can verify', async () => {
    const hook = await createWebhook({ url: `${base}/ok`, events: ['high_risk'] }, admin);
    await raiseAlerts([{ type: 'high_risk', severity: 'critical', title: 'Blocked: t1' }, { type: 'drift', severity: 'warning', title: 'not subscribed' }]);
    await waitFor(async () => (await db().webhookDelivery.count({ where: { webhookId: hook.id, status: 'delivered' } })) === 1);
    const got = received.find((r) => r.body.includes('Blocked: t1'))!;
    const ts = String(got.headers['x-vigil-timestamp']);
    expect(got.headers['x-vigil-signature']).toBe(sign(hook.secret, ts, got.body));
    expect(JSON.parse(got.body)).toMatchObject({ event: 'alert.high_risk', alert: { title: 'Blocked: t1' } });
    expect(await db().webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(1);
  });

  it('retries a failing receiver with backoff, records the failure, and re-sends on demand', async () => {
    const hook = await createWebhook({ url: `${base}/flaky`, events: ['high_risk'] }, admin);
    await raiseAlerts([{ type: 'high_risk', severity: 'warning', title: 'Review: t2' }]);
    const delivery = await db().webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
    await waitFor(async () => (await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).attempts >= 2);
    const after = await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(after).toMatchObject({ lastStatus: 503, lastError: 'HTTP 503' });
    // Backoff 1 + 2 + 4 + 8 s: after the fifth attempt the delivery is marked failed, and visible as such.
    await waitFor(async () => (await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status === 'failed', 40_000);
    expect((await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).attempts).toBe(5);
    failing = false;
    await resendDelivery(delivery.id);
    await waitFor(async () => (await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status === 'delivered');
  });
});
