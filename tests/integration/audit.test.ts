// The audit log API: admin only, filters, cursor paging, and a formula-safe CSV export that is itself audited.
import { describe, expect, it } from 'vitest';
import * as audit from '@/app/api/audit/route';
import * as auditExport from '@/app/api/audit/export/route';
import * as txExport from '@/app/api/transactions/export/route';
import { recordAudit } from '@/lib/server/access/audit';
import { db } from '@/lib/server/platform/db';
import { createToken } from '@/lib/server/access/tokens';
import { params, request, tokenFor, unique } from './helpers';

const body = async (res: Response) => ({ status: res.status, json: await res.json() });
const noCtx = params({});
const get = (url: string, token: string) => audit.GET(request('GET', url, { token }), noCtx);

describe('audit API', () => {
  it('is for admins only', async () => {
    for (const role of ['engineer', 'analyst', 'viewer'] as const) {
      const res = await body(await get('/api/audit', await tokenFor(role)));
      expect(res).toEqual({ status: 403, json: { error: { code: 'forbidden', message: `Your role (${role}) cannot read the audit log.` } } });
    }
  });

  it('filters by action (exact or prefix), actor, target type and day, and pages with a cursor', async () => {
    const admin = await tokenFor('admin');
    const type = unique('thing');
    const actor = { kind: 'user' as const, id: 'u1', label: `${unique('actor')}@example.com`, name: 'A', role: 'admin' as const };
    for (let i = 0; i < 5; i++) await recordAudit(actor, { action: `thing.${i % 2 ? 'odd' : 'even'}`, targetType: type, targetId: String(i) });
    const all = await body(await get(`/api/audit?targetType=${type}&limit=2`, admin));
    expect(all.json.events.map((e: { targetId: string }) => e.targetId)).toEqual(['4', '3']);
    const page2 = await body(await get(`/api/audit?targetType=${type}&limit=2&cursor=${all.json.nextCursor}`, admin));
    const page3 = await body(await get(`/api/audit?targetType=${type}&limit=2&cursor=${page2.json.nextCursor}`, admin));
    expect([...page2.json.events, ...page3.json.events].map((e: { targetId: string }) => e.targetId)).toEqual(['2', '1', '0']);
    expect(page3.json.nextCursor).toBeNull();
    expect((await body(await get(`/api/audit?targetType=${type}&action=thing.odd`, admin))).json.events).toHaveLength(2);
    expect((await body(await get(`/api/audit?targetType=${type}&action=thing.`, admin))).json.events).toHaveLength(5);
    expect((await body(await get(`/api/audit?targetType=${type}&actor=${actor.label.slice(0, 12)}`, admin))).json.events).toHaveLength(5);
    const today = new Date().toISOString().slice(0, 10);
    expect((await body(await get(`/api/audit?targetType=${type}&from=${today}&to=${today}&action=&actor=`, admin))).json.events).toHaveLength(5);
    expect((await body(await get(`/api/audit?targetType=${type}&to=2000-01-01`, admin))).json.events).toHaveLength(0);
  });

  it('answers bad filters with a 400 naming the field', async () => {
    const admin = await tokenFor('admin');
    expect(await body(await get('/api/audit?from=2024-13-01', admin))).toMatchObject({ status: 400, json: { error: { fields: { from: expect.any(Array) } } } });
    expect(await body(await get('/api/audit?from=2024-02-01&to=2024-01-01', admin))).toMatchObject({ status: 400, json: { error: { fields: { to: expect.any(Array) } } } });
    expect(await body(await get('/api/audit?actor=a%00b', admin))).toMatchObject({ status: 400, json: { error: { fields: { actor: expect.any(Array) } } } });
    expect(await body(await get('/api/audit?sort=x', admin))).toMatchObject({ status: 400 });
  });

  it('exports CSV with formula-like cells neutralised, and records the export', async () => {
    const hostile = await createToken({ name: `=HYPERLINK("http://evil.example","x")${unique('')}`, role: 'admin' }, null);
    const type = unique('csv');
    await recordAudit({ kind: 'token', id: hostile.id, label: hostile.name, name: hostile.name, role: 'admin' }, { action: '@SUM(1)', targetType: type, targetId: '-2+3' });
    const res = await auditExport.GET(request('GET', `/api/audit/export?targetType=${type}`, { token: hostile.token }), noCtx);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe('at,actor,action,targetType,targetId,before,after');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")`);
    expect(lines[1]).toContain(",'@SUM(1),");
    expect(lines[1]).toContain(",'-2+3,");
    const recorded = await db().auditEvent.findFirstOrThrow({ where: { action: 'audit.export', actorId: hostile.id } });
    expect(recorded.after).toEqual({ targetType: type });
  });

  it('records transaction CSV exports', async () => {
    const token = await createToken({ name: unique('exporter'), role: 'viewer' }, null);
    const res = await txExport.GET(request('GET', '/api/transactions/export?decision=block', { token: token.token }), noCtx);
    expect(res.status).toBe(200);
    await res.text();
    const recorded = await db().auditEvent.findFirstOrThrow({ where: { action: 'transactions.export', actorId: token.id } });
    expect(recorded.after).toMatchObject({ decision: 'block' });
  });
});
