// Alerts fan out to a real HTTP receiver: signed bodies, retries with backoff, visible failures, re-send.
// Targets must be public: the receivers here are local, so VIGIL_WEBHOOK_ALLOW_PRIVATE=1 except where a test
// checks the refusals themselves (at creation, and again at delivery), redirects and failure categories.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as webhooksRoute from '@/app/api/webhooks/route';
import { raiseAlerts } from '@/lib/server/alerts/alerts';
import { checkOutboundUrl, OutboundError } from '@/lib/server/alerts/outbound';
import { postPinned } from '@/lib/server/alerts/pinned-post';
import { db } from '@/lib/server/platform/db';
import { JOB_HANDLERS } from '@/scripts/job-handlers';
import { createWebhook, resendDelivery, sign } from '@/lib/server/alerts/webhooks';
import { createWorker } from '@/lib/server/platform/worker';
import { params, request, resetJobs, tokenFor } from './helpers';

const received: { url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
let failing = true;
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    received.push({ url: req.url ?? '', headers: req.headers, body });
    if (req.url === '/redirect') {
      res.writeHead(302, { location: `${base}/redirect-target` });
      return res.end();
    }
    if (req.url === '/banner') {
      res.writeHead(500, { 'content-type': 'text/plain' });
      return res.end('PostgreSQL 16.2 internal-banner on 10.0.0.7:5432');
    }
    if (req.url === '/silent') return; // never answers
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
  process.env.VIGIL_WEBHOOK_ALLOW_PRIVATE = '1';
  await resetJobs();
  await db().webhook.deleteMany({});
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  void worker.start();
});
afterAll(async () => {
  delete process.env.VIGIL_WEBHOOK_ALLOW_PRIVATE;
  await worker.stop();
  // Later suites share the database: hooks left here would queue a refused delivery for every alert they raise
  // (thousands once the demo's traffic is seeded), and the next worker would drain those before its own jobs.
  await db().webhook.deleteMany({});
  await db().job.deleteMany({ where: { type: 'webhook.deliver', status: 'queued' } });
  server.closeAllConnections();
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
    expect(after).toMatchObject({ lastStatus: 503, lastError: 'http_5xx' });
    // Backoff 1 + 2 + 4 + 8 s: after the fifth attempt the delivery is marked failed, and visible as such.
    await waitFor(async () => (await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status === 'failed', 40_000);
    expect((await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).attempts).toBe(5);
    failing = false;
    await resendDelivery(delivery.id);
    await waitFor(async () => (await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status === 'delivered');
  });
});

describe('webhook targets must be public', () => {
  const create = async (url: string) => {
    const res = await webhooksRoute.POST(request('POST', '/api/webhooks', { token: await tokenFor('admin'), body: { url, events: ['high_risk'] } }), params({}));
    return { status: res.status, json: await res.json() };
  };
  const delivery = (webhookId: string) => db().webhookDelivery.findFirstOrThrow({ where: { webhookId } });

  it('refuses every internal form at creation, naming the rule and VIGIL_WEBHOOK_ALLOW_PRIVATE', async () => {
    process.env.VIGIL_WEBHOOK_ALLOW_PRIVATE = '0';
    try {
      const before = await db().webhook.count();
      for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://127.0.0.1:5432/', 'http://[::1]/', 'http://0.0.0.0/', 'http://localhost/',
        'http://2130706433/', 'http://[::ffff:127.0.0.1]/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://10.0.0.1/', 'http://[fd00::1]/', 'http://100.64.0.1/', `${base}/ok`]) {
        const res = await create(url);
        expect(res.status, url).toBe(400);
        expect(res.json.error.code, url).toBe('webhook_url_not_allowed');
        expect(res.json.error.message, url).toMatch(/public address.*VIGIL_WEBHOOK_ALLOW_PRIVATE/);
      }
      expect((await create('ftp://93.184.215.14/')).status).toBe(400);
      expect(await db().webhook.count()).toBe(before);
      // A public address literal needs no DNS; it is accepted and stored as given.
      const ok = await create('https://93.184.215.14/hook');
      expect(ok).toMatchObject({ status: 201, json: { url: 'https://93.184.215.14/hook' } });
      await db().webhook.delete({ where: { id: ok.json.id } });
    } finally {
      process.env.VIGIL_WEBHOOK_ALLOW_PRIVATE = '1';
    }
    // With the setting, private receivers are allowed (numeric forms stored spelled out); metadata never is.
    const onPrem = await create(`http://2130706433:${new URL(base).port}/ok`);
    expect(onPrem).toMatchObject({ status: 201, json: { url: `${base}/ok` } });
    await db().webhook.delete({ where: { id: onPrem.json.id } });
    expect((await create('http://169.254.169.254/')).json.error.message).toMatch(/refused even with VIGIL_WEBHOOK_ALLOW_PRIVATE=1/);
  });

  it('checks again at delivery: a host that now resolves to loopback is not contacted', async () => {
    // As if created when the name resolved to a public address (or with the setting on): DNS rebinding.
    const hook = await db().webhook.create({ data: { url: `http://localhost:${new URL(base).port}/rebound`, events: ['high_risk'] as never, secret: 'whsec_test' } });
    process.env.VIGIL_WEBHOOK_ALLOW_PRIVATE = '0';
    try {
      await raiseAlerts([{ type: 'high_risk', severity: 'warning', title: 'Review: rebound' }]);
      await waitFor(async () => (await delivery(hook.id)).status === 'failed');
    } finally {
      process.env.VIGIL_WEBHOOK_ALLOW_PRIVATE = '1';
    }
    expect(await delivery(hook.id)).toMatchObject({ status: 'failed', attempts: 1, lastStatus: null, lastError: 'address_not_allowed' });
    expect(received.some((r) => r.url === '/rebound')).toBe(false);
    await db().webhook.delete({ where: { id: hook.id } });
  });

  it('does not follow redirects: a 3xx is a failed delivery (redirect_refused)', async () => {
    const hook = await createWebhook({ url: `${base}/redirect`, events: ['high_risk'] }, admin);
    await raiseAlerts([{ type: 'high_risk', severity: 'warning', title: 'Review: redirect' }]);
    await waitFor(async () => (await delivery(hook.id)).status === 'failed');
    expect(await delivery(hook.id)).toMatchObject({ attempts: 1, lastStatus: 302, lastError: 'redirect_refused' });
    expect(received.filter((r) => r.url === '/redirect')).toHaveLength(1);
    expect(received.some((r) => r.url === '/redirect-target')).toBe(false);
    await db().webhook.delete({ where: { id: hook.id } });
  });

  it('stores and lists a category, never the receiver\'s answer', async () => {
    const hook = await createWebhook({ url: `${base}/banner`, events: ['high_risk'] }, admin);
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const refused = await createWebhook({ url: `http://127.0.0.1:${closedPort}/`, events: ['high_risk'] }, admin);
    await raiseAlerts([{ type: 'high_risk', severity: 'warning', title: 'Review: banner' }]);
    await waitFor(async () => (await delivery(hook.id)).attempts >= 1 && (await delivery(refused.id)).attempts >= 1);
    expect(await delivery(hook.id)).toMatchObject({ lastStatus: 500, lastError: 'http_5xx' });
    expect(await delivery(refused.id)).toMatchObject({ lastStatus: null, lastError: 'connection_refused' });
    const listed = await webhooksRoute.GET(request('GET', '/api/webhooks', { token: await tokenFor('admin') }), params({}));
    const text = await listed.text();
    expect(text).toContain('"lastError":"http_5xx"');
    expect(text).not.toMatch(/internal-banner|PostgreSQL|ECONNREFUSED/);
    await db().webhook.deleteMany({ where: { id: { in: [hook.id, refused.id] } } });
  });

  it('connects to the checked address, whatever the name would resolve to now, and times out', async () => {
    const port = Number(new URL(base).port);
    const { status } = await postPinned({ url: new URL(`http://rebind.invalid:${port}/pinned`), addresses: [{ address: '127.0.0.1', family: 4 }] }, { headers: {}, body: '{}', timeoutMs: 5_000 });
    expect(status).toBe(204);
    expect(received.find((r) => r.url === '/pinned')?.headers.host).toBe(`rebind.invalid:${port}`);
    const target = await checkOutboundUrl(`${base}/silent`);
    const err = await postPinned(target, { headers: {}, body: '{}', timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutboundError);
    expect(err).toMatchObject({ category: 'timeout' });
  });
});
