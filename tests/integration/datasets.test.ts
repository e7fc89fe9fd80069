// Dataset imports through the real route handlers: streamed uploads, server paths, previews, bad input
// (each a JSON 4xx that leaves no rows behind), immutability, and the labels snapshot.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as list from '@/app/api/datasets/route';
import * as importRoute from '@/app/api/datasets/import/route';
import * as importPath from '@/app/api/datasets/import-path/route';
import * as preview from '@/app/api/datasets/preview/route';
import * as snapshot from '@/app/api/datasets/snapshot-labels/route';
import * as versionById from '@/app/api/datasets/versions/[id]/route';
import { generateEmails, generateTransactions } from '@/lib/demo';
import { SPARKOV_COLUMNS } from '@/lib/ml/events/seed-shapes';
import { db } from '@/lib/server/platform/db';
import { params, request, tokenFor, unique } from './helpers';

const noCtx = params({});
const body = async (res: Response) => ({ status: res.status, json: await res.json() });
const emailCsv = (count: number, seed: number, fraudRate?: number) => stringify(generateEmails({ count, seed, fraudRate }), { header: true, columns: ['email', 'label'] });

/** A request whose body is a ReadableStream fed in small chunks, as a browser upload arrives. */
function streamRequest(url: string, csv: string, token: string, headers: Record<string, string> = {}) {
  const bytes = Buffer.from(csv);
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + 4096)));
      offset += 4096;
    },
  });
  return new Request(`http://localhost${url}`, {
    method: 'POST', body: stream, duplex: 'half',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', ...headers },
  } as RequestInit);
}

let engineer: string;
let analyst: string;
let tmp: string;

beforeAll(async () => {
  engineer = await tokenFor('engineer');
  analyst = await tokenFor('analyst');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-datasets-'));
  // Server-path imports read only inside the import directory: this run's temp directory.
  process.env.VIGIL_IMPORT_DIR = tmp;
});
afterAll(() => {
  delete process.env.VIGIL_IMPORT_DIR;
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function upload(name: string, csv: string, query = 'kind=email&label=label', headers?: Record<string, string>) {
  return body(await importRoute.POST(streamRequest(`/api/datasets/import?name=${name}&${query}`, csv, engineer, headers), noCtx));
}

async function expectNothingStored(name: string) {
  expect(await db().dataset.count({ where: { name } })).toBe(0);
  expect(await db().datasetVersion.count({ where: { dataset: { name } } })).toBe(0);
}

describe('dataset import', () => {
  it('imports a streamed upload: counts, schema, stats, and a sha256 of the stored content', async () => {
    const name = unique('emails');
    const csv = emailCsv(400, 11);
    const res = await upload(name, csv);
    expect(res.status).toBe(201);
    const positives = generateEmails({ count: 400, seed: 11 }).filter((r) => r.label === 1).length;
    expect(res.json).toMatchObject({ name, kind: 'email', version: 1, source: 'upload', rowCount: 400, positiveCount: positives, labelColumn: 'label' });

    const stored = await db().datasetVersion.findUniqueOrThrow({ where: { id: res.json.id } });
    const content = zlib.gunzipSync(Buffer.from(stored.content));
    expect(crypto.createHash('sha256').update(content).digest('hex')).toBe(stored.sha256);
    expect(stored.sha256).toBe(crypto.createHash('sha256').update(csv).digest('hex'));
    expect(stored.columns).toEqual([{ name: 'email', type: 'string' }, { name: 'label', type: 'number', role: 'label' }]);
    const stats = stored.stats as { columns: { name: string; type: string; distinct?: number; mean?: number; histogram?: unknown[] }[] };
    expect(stats.columns[0]).toMatchObject({ name: 'email', type: 'string', distinct: 400 });
    expect(stats.columns[1].mean).toBeCloseTo(positives / 400, 9);
    expect(stats.columns[1].histogram).toHaveLength(20);

    const detail = await body(await versionById.GET(request('GET', `/api/datasets/versions/${res.json.id}`, { token: analyst }), params({ id: res.json.id })));
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({ id: res.json.id, sha256: stored.sha256, dataset: { name, kind: 'email' } });
    expect(detail.json.preview).toHaveLength(50);
    expect(detail.json.preview[0]).toHaveProperty('email');
    expect(detail.json).not.toHaveProperty('content');
  });

  it('never changes a version: importing the same name again makes version 2', async () => {
    const name = unique('again');
    const first = await upload(name, emailCsv(100, 1));
    const second = await upload(name, emailCsv(150, 2));
    expect([first.json.version, second.json.version]).toEqual([1, 2]);
    const v1 = await db().datasetVersion.findUniqueOrThrow({ where: { id: first.json.id } });
    expect(v1.rowCount).toBe(100);
    const listed = await body(await list.GET(request('GET', '/api/datasets', { token: analyst }), noCtx));
    const entry = listed.json.datasets.find((d: { name: string }) => d.name === name);
    expect(entry.latest).toMatchObject({ version: 2, rowCount: 150 });
    expect(entry.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(await upload(name, stringify(generateTransactions({ cards: 5, days: 3, seed: 1 }), { header: true, columns: [...SPARKOV_COLUMNS] }), 'kind=transaction&label=is_fraud'))
      .toMatchObject({ status: 409, json: { error: { code: 'conflict' } } });
  });

  it('imports a server file with time and id roles, and aggregates event rows per user', async () => {
    const file = path.join(tmp, 'tx.csv');
    const txs = generateTransactions({ cards: 40, days: 10, seed: 3 });
    fs.writeFileSync(file, stringify(txs, { header: true, columns: [...SPARKOV_COLUMNS] }));
    const name = unique('tx');
    const res = await body(await importPath.POST(request('POST', '/api/datasets/import-path', {
      token: engineer, body: { path: file, name, kind: 'transaction', labelColumn: 'is_fraud', timestampColumn: 'unix_time', idColumn: 'trans_num' },
    }), noCtx));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ rowCount: txs.length, positiveCount: txs.filter((t) => t.is_fraud === 1).length, timeColumn: 'unix_time', idColumn: 'trans_num' });
    const stored = await db().datasetVersion.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(stored.sha256).toBe(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    expect((stored.columns as { name: string; role?: string }[]).filter((c) => c.role).map((c) => `${c.name}:${c.role}`)).toEqual(['trans_num:id', 'unix_time:time', 'is_fraud:label']);

    const events = path.join(tmp, 'events.csv');
    fs.writeFileSync(events, 'UserId,Event,Category,Fake\nu1,click_ad,Phone,0\nu1,send_sms,Motor,0\nu2,click_ad,Phone,1\nu2,click_ad,Phone,0\nu3,phone_call,Leisure,0\n');
    const agg = await body(await importPath.POST(request('POST', '/api/datasets/import-path', {
      token: engineer, body: { path: events, name: unique('users'), kind: 'tabular', labelColumn: 'Fake', aggregate: { by: 'UserId' } },
    }), noCtx));
    expect(agg).toMatchObject({ status: 201, json: { rowCount: 3, positiveCount: 1, idColumn: 'UserId' } });
    const aggStored = await db().datasetVersion.findUniqueOrThrow({ where: { id: agg.json.id } });
    const aggCsv = zlib.gunzipSync(Buffer.from(aggStored.content));
    expect(aggStored.sha256).toBe(crypto.createHash('sha256').update(aggCsv).digest('hex'));
    expect(aggCsv.toString().split('\n')[0]).toBe('UserId,event_count,distinct_Event,distinct_Category,Event=click_ad,Event=phone_call,Event=send_sms,Category=Phone,Category=Leisure,Category=Motor,Fake');
  });

  it('previews the first rows of an upload or a server file with suggestions', async () => {
    const csv = stringify(generateTransactions({ cards: 200, days: 30, seed: 5 }), { header: true, columns: [...SPARKOV_COLUMNS] });
    expect(csv.length).toBeGreaterThan(64 * 1024);
    const res = await body(await preview.POST(streamRequest('/api/datasets/preview', csv, engineer), noCtx));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ header: [...SPARKOV_COLUMNS], truncated: true, bytesRead: 64 * 1024, warnings: [] });
    expect(res.json.rows).toHaveLength(20);
    expect(res.json.suggestions).toMatchObject({ kind: 'transaction', labelCandidates: ['is_fraud'] });
    expect(res.json.suggestions.timestampCandidates).toContain('unix_time');
    expect(res.json.types[SPARKOV_COLUMNS.indexOf('amt')]).toBe('number');

    const file = path.join(tmp, 'preview.csv');
    fs.writeFileSync(file, emailCsv(30, 9));
    const byPath = await body(await preview.POST(request('POST', '/api/datasets/preview', { token: engineer, body: { path: file } }), noCtx));
    expect(byPath).toMatchObject({ status: 200, json: { header: ['email', 'label'], truncated: false, suggestions: { kind: 'email', labelCandidates: ['label'] } } });
    expect(byPath.json.rows).toHaveLength(20);
  });
});

describe('dataset import: bad input is a JSON 4xx and stores nothing', () => {
  const cases: [string, string, string, number, string, RegExp][] = [
    ['empty body', '', 'kind=email&label=label', 400, 'empty_file', /empty/],
    ['blank lines only', '\n\n', 'kind=email&label=label', 400, 'empty_file', /no CSV content/],
    ['header only', 'email,label\n', 'kind=email&label=label', 400, 'no_rows', /no data rows/],
    ['ragged row', 'email,label\na@b.co,1\nc@d.co\ne@f.co,0\n', 'kind=email&label=label', 400, 'ragged_rows', /^Line 3 has 1 fields; the header has 2./],
    ['no such label column', 'email,label\na@b.co,1\n', 'kind=email&label=is_fraud', 400, 'no_such_column', /no label column "is_fraud": none of the header's 2 columns/],
    ['no such timestamp column', 'email,label\na@b.co,1\n', 'kind=email&label=label&timestamp=ts', 400, 'no_such_column', /timestamp column "ts"/],
    ['single class', 'email,label\na@b.co,0\nc@d.co,0\n', 'kind=email&label=label', 422, 'unusable_labels', /single class/],
    ['unreadable labels', 'email,label\na@b.co,maybe\nc@d.co,perhaps\n', 'kind=email&label=label', 422, 'unusable_labels', /no readable labels/],
  ];
  for (const [what, csv, query, status, code, message] of cases) {
    it(`${what} → ${status} ${code}`, async () => {
      const name = unique('bad');
      const res = await upload(name, csv, query);
      expect(res).toMatchObject({ status, json: { error: { code } } });
      expect(res.json.error.message).toMatch(message);
      await expectNothingStored(name);
    });
  }

  it('enforces the size limit with 413, from the declared length or while streaming', async () => {
    const previous = process.env.VIGIL_MAX_UPLOAD_BYTES;
    process.env.VIGIL_MAX_UPLOAD_BYTES = '20000';
    try {
      const csv = emailCsv(2000, 4);
      const declared = unique('big');
      expect(await upload(declared, csv, undefined, { 'content-length': String(csv.length) })).toMatchObject({ status: 413, json: { error: { code: 'payload_too_large' } } });
      const streamed = unique('big');
      expect(await upload(streamed, csv)).toMatchObject({ status: 413, json: { error: { code: 'payload_too_large' } } });
      await expectNothingStored(declared);
      await expectNothingStored(streamed);
    } finally {
      if (previous === undefined) delete process.env.VIGIL_MAX_UPLOAD_BYTES;
      else process.env.VIGIL_MAX_UPLOAD_BYTES = previous;
    }
  });

  it('rejects bad queries, JSON bodies, missing files, and read-only roles', async () => {
    expect(await upload('bad name!', 'a\n1\n')).toMatchObject({ status: 400, json: { error: { code: 'bad_request', fields: { name: expect.any(Array) } } } });
    expect(await upload(unique('k'), 'a\n1\n', 'kind=image&label=a')).toMatchObject({ status: 400, json: { error: { fields: { kind: expect.any(Array) } } } });
    expect(await upload(unique('j'), '{}', 'kind=email&label=label', { 'content-type': 'application/json' })).toMatchObject({ status: 415 });
    const missing = await body(await importPath.POST(request('POST', '/api/datasets/import-path', {
      token: engineer, body: { path: path.join(tmp, 'nope.csv'), name: unique('nope'), kind: 'email', labelColumn: 'label' },
    }), noCtx));
    expect(missing).toMatchObject({ status: 400, json: { error: { code: 'file_not_found', fields: { path: ['File not found in the import directory.'] } } } });
    const dir = await body(await importPath.POST(request('POST', '/api/datasets/import-path', { token: engineer, body: { path: tmp, name: unique('dir'), kind: 'email', labelColumn: 'label' } }), noCtx));
    expect(dir).toMatchObject({ status: 400, json: { error: { code: 'path_not_allowed', message: expect.stringMatching(/not a regular file/) } } });

    const name = unique('ro');
    const forbidden = await body(await importRoute.POST(streamRequest(`/api/datasets/import?name=${name}&kind=email&label=label`, emailCsv(20, 1), analyst), noCtx));
    expect(forbidden).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    expect((await body(await importPath.POST(request('POST', '/api/datasets/import-path', { token: analyst, body: {} }), noCtx))).status).toBe(403);
    expect((await body(await preview.POST(streamRequest('/api/datasets/preview', 'a\n1\n', analyst), noCtx))).status).toBe(403);
    await expectNothingStored(name);
    expect((await versionById.GET(request('GET', '/api/datasets/versions/nope', { token: analyst }), params({ id: 'nope' }))).status).toBe(404);
  });
});

describe('labels snapshot', () => {
  const tx = (label: string | null, i: number) => {
    const [row] = generateTransactions({ cards: 1, days: 2, seed: 100 + i });
    // A card transaction is an event of the built-in type; the card number lives in the payload (cc_num).
    return { eventType: 'card_transaction', typeVersion: 1, externalId: unique('ext'), occurredAt: new Date(row.unix_time * 1000), payload: { ...row, is_fraud: undefined } as never, amount: row.amt, label };
  };
  const snap = async () => body(await snapshot.POST(request('POST', '/api/datasets/snapshot-labels', { token: engineer, body: { kind: 'transaction' } }), noCtx));

  it('snapshots labelled transactions into labels-transaction, 422 with fewer than two classes', async () => {
    const labelled = await db().event.count({ where: { eventType: 'card_transaction', label: { not: null } } });
    if (labelled === 0) {
      expect(await snap()).toMatchObject({ status: 422, json: { error: { code: 'no_labels' } } });
      await db().event.createMany({ data: [tx('legit', 1), tx('legit', 2), tx(null, 3)] });
      expect(await snap()).toMatchObject({ status: 422, json: { error: { code: 'unusable_labels' } } });
      await expectNothingStored('labels-transaction');
    }
    await db().event.createMany({ data: [tx('fraud', 4), tx('legit', 5)] });
    // Card transactions only: email checks are events of their own type (other suites label some).
    const total = await db().event.count({ where: { eventType: 'card_transaction', label: { in: ['fraud', 'legit'] } } });
    const fraud = await db().event.count({ where: { eventType: 'card_transaction', label: 'fraud' } });
    const res = await snap();
    expect(res).toMatchObject({ status: 201, json: { name: 'labels-transaction', kind: 'transaction', source: 'labels', rowCount: total, positiveCount: fraud, labelColumn: 'is_fraud' } });
    const again = await snap();
    expect(again.json.version).toBe(res.json.version + 1);
    const detail = await body(await versionById.GET(request('GET', `/api/datasets/versions/${res.json.id}`, { token: analyst }), params({ id: res.json.id })));
    expect(detail.json.columns.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['amt', 'cc_num', 'unix_time', 'trans_num', 'is_fraud']));
    expect(detail.json.columns.at(-1)).toEqual({ name: 'is_fraud', type: 'number', role: 'label' });
  });
});
