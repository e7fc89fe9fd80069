// JSON routes read only bodies declared as JSON: a cross-site HTML form can send text/plain, never application/json.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as tokens from '@/app/api/tokens/route';
import { db } from '@/lib/server/platform/db';
import { readJson } from '@/lib/server/platform/http';
import { params, request, tokenFor, unique } from './helpers';

const noCtx = params({});

describe('JSON content type', () => {
  it('answers 415 to a JSON body sent as text/plain, form data or without a type, and creates nothing', async () => {
    const admin = await tokenFor('admin');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', null]) {
      const name = unique('csrf');
      const req = request('POST', '/api/tokens', { token: admin, body: JSON.stringify({ name, role: 'admin' }), headers: type ? { 'content-type': type } : {} });
      if (!type) req.headers.delete('content-type');
      const res = await tokens.POST(req, noCtx);
      expect(res.status, String(type)).toBe(415);
      expect(await res.json()).toEqual({ error: { code: 'unsupported_media_type', message: expect.stringContaining('application/json') } });
      expect(await db().apiToken.count({ where: { name } })).toBe(0);
    }
  });

  it('accepts application/json with parameters and +json types', async () => {
    const admin = await tokenFor('admin');
    for (const type of ['application/json', 'Application/JSON; charset=utf-8', 'application/vnd.api+json']) {
      const res = await tokens.POST(request('POST', '/api/tokens', { token: admin, body: { name: unique('typed'), role: 'viewer' }, headers: { 'content-type': type } }), noCtx);
      expect(res.status, type).toBe(201);
    }
  });

  it('reads an untyped body only where a seed documents one (POST /predict)', async () => {
    const untyped = () => new Request('http://localhost/predict', { method: 'POST', body: '{"UserId":[1]}' });
    const schema = z.object({ UserId: z.array(z.number()) });
    expect(await readJson(untyped(), schema, 1_000, { anyContentType: true })).toEqual({ UserId: [1] });
    await expect(readJson(untyped(), schema, 1_000)).rejects.toMatchObject({ status: 415 });
  });
});
