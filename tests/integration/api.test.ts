// Route handlers called with real Request objects and real tokens: auth, roles and bad input.
import { describe, expect, it } from 'vitest';
import * as me from '@/app/api/me/route';
import * as tokens from '@/app/api/tokens/route';
import * as tokenById from '@/app/api/tokens/[id]/route';
import * as health from '@/app/api/health/route';
import * as metricsRoute from '@/app/api/metrics/route';
import { createToken, revokeToken } from '@/lib/server/access/tokens';
import { params, request, tokenFor, unique } from './helpers';

const body = async (res: Response) => ({ status: res.status, json: await res.json() });
const noCtx = params({});

describe('API', () => {
  it('GET /api/me names a token caller and its role; a revoked token gets 401', async () => {
    const created = await createToken({ name: unique('me'), role: 'analyst' }, null);
    expect(await body(await me.GET(request('GET', '/api/me', { token: created.token }), noCtx))).toEqual({
      status: 200,
      json: { id: created.id, kind: 'token', name: created.name, email: null, role: 'analyst' },
    });
    // The seeds send the bare token without "Bearer".
    const bare = await me.GET(request('GET', '/api/me', { headers: { authorization: created.token } }), noCtx);
    expect(bare.status).toBe(200);
    await revokeToken(created.id, null);
    const revoked = await body(await me.GET(request('GET', '/api/me', { token: created.token }), noCtx));
    expect(revoked).toMatchObject({ status: 401, json: { error: { code: 'token_revoked' } } });
  });

  it('lets only admins manage tokens (403 for every other role)', async () => {
    for (const role of ['engineer', 'analyst', 'viewer'] as const) {
      const res = await body(await tokens.GET(request('GET', '/api/tokens', { token: await tokenFor(role) }), noCtx));
      expect(res).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    }
    const admin = await tokenFor('admin');
    const created = await body(await tokens.POST(request('POST', '/api/tokens', { token: admin, body: { name: 'ingest', role: 'analyst' } }), noCtx));
    expect(created.status).toBe(201);
    expect(created.json.token).toMatch(/^vgl_/);
    const listed = await body(await tokens.GET(request('GET', '/api/tokens', { token: admin }), noCtx));
    expect(listed.json.tokens.some((t: { id: string }) => t.id === created.json.id)).toBe(true);
    const revoked = await body(await tokenById.DELETE(request('DELETE', `/api/tokens/${created.json.id}`, { token: admin }), params({ id: created.json.id })));
    expect(revoked.json.revokedAt).not.toBeNull();
    const missing = await tokenById.DELETE(request('DELETE', '/api/tokens/nope', { token: admin }), params({ id: 'nope' }));
    expect(missing.status).toBe(404);
  });

  it('answers bad input with a JSON 4xx that names the problem', async () => {
    const admin = await tokenFor('admin');
    const post = async (b: string, headers?: Record<string, string>) => body(await tokens.POST(request('POST', '/api/tokens', { token: admin, body: b, headers }), noCtx));

    expect(await post('{"name": "x",')).toMatchObject({ status: 400, json: { error: { code: 'invalid_json' } } });
    expect(await post('')).toMatchObject({ status: 400, json: { error: { code: 'invalid_json' } } });
    expect(await post('{"name": 5, "role": "analyst"}')).toMatchObject({ status: 400, json: { error: { fields: { name: [expect.any(String)] } } } });
    expect(await post('{"name": "x", "role": "root"}')).toMatchObject({ status: 400, json: { error: { fields: { role: [expect.any(String)] } } } });
    expect(await post('{"name": "x", "role": "viewer", "admin": true}')).toMatchObject({ status: 400, json: { error: { fields: { admin: ['Unknown field.'] } } } });
    expect(await post('[]')).toMatchObject({ status: 400 });
    expect(await post(JSON.stringify({ name: 'x'.repeat(20_000), role: 'viewer' }))).toMatchObject({ status: 413, json: { error: { code: 'payload_too_large' } } });
    // Still serving after all of that.
    expect((await tokens.GET(request('GET', '/api/tokens', { token: admin }), noCtx)).status).toBe(200);
  });

  it('reports database and worker state on /api/health', async () => {
    const res = await body(await health.GET(request('GET', '/api/health'), noCtx));
    expect(res.status).toBe(200);
    expect(res.json.database).toMatchObject({ ok: true });
    expect(typeof res.json.worker.ok).toBe('boolean');
  });

  it('serves Prometheus metrics: request counts, latency, queue depth and serving models', async () => {
    const viewer = await tokenFor('viewer');
    await me.GET(request('GET', '/api/me', { token: viewer }), noCtx);
    const res = await metricsRoute.GET(request('GET', '/api/metrics', { token: viewer }), noCtx);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/vigil_http_requests_total\{[^}]*route="\/api\/me"[^}]*status="200"/);
    expect(text).toContain('vigil_http_request_duration_seconds_bucket');
    expect(text).toContain('vigil_review_queue_depth');
    expect((await metricsRoute.GET(request('GET', '/api/metrics'), noCtx)).status).toBe(401);
  });
});
