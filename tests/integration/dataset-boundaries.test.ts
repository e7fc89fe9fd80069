// Server-path imports stay inside VIGIL_IMPORT_DIR (real paths, symlinks resolved, regular files only), and no
// dataset error echoes file or CSV content: it names the line and column, stays small, and binary is refused.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as importRoute from '@/app/api/datasets/import/route';
import * as importPath from '@/app/api/datasets/import-path/route';
import * as preview from '@/app/api/datasets/preview/route';
import { importDir } from '@/lib/server/datasets/import-dir';
import { params, request, tokenFor, unique } from './helpers';

const noCtx = params({});
const SECRET = 'hunter2-Sup3rSecret';
let engineer: string;
let analyst: string;
let dir: string;
let outside: string;

const send = async (res: Response) => ({ status: res.status, text: await res.text() });
const previewPath = async (p: string, token = engineer) => send(await preview.POST(request('POST', '/api/datasets/preview', { token, body: { path: p } }), noCtx));
const importFrom = async (p: string) => send(await importPath.POST(request('POST', '/api/datasets/import-path', { token: engineer, body: { path: p, name: unique('path'), kind: 'email', labelColumn: 'label' } }), noCtx));
const asBody = (csv: string | Buffer) => (typeof csv === 'string' ? csv : new Uint8Array(csv));
const upload = async (csv: string | Buffer, query = 'kind=email&label=label') =>
  send(await importRoute.POST(new Request(`http://localhost/api/datasets/import?name=${unique('up')}&${query}`, { method: 'POST', body: asBody(csv), headers: { authorization: `Bearer ${engineer}`, 'content-type': 'text/csv' } }), noCtx));
const previewUpload = async (csv: string | Buffer) =>
  send(await preview.POST(new Request('http://localhost/api/datasets/preview', { method: 'POST', body: asBody(csv), headers: { authorization: `Bearer ${engineer}`, 'content-type': 'text/csv' } }), noCtx));
const emails = 'email,label\n' + Array.from({ length: 30 }, (_, i) => `u${i}@example.com,${i % 2}`).join('\n') + '\n';

function expectRefused(res: { status: number; text: string }, why: RegExp) {
  expect(res.status).toBe(400);
  const { error } = JSON.parse(res.text);
  expect(error.code).toBe('path_not_allowed');
  expect(error.message).toMatch(why);
  expect(error.message).toMatch(/VIGIL_IMPORT_DIR/);
  expect(res.text).not.toMatch(/root:|NEXTAUTH|hunter2/);
}

beforeAll(async () => {
  engineer = await tokenFor('engineer');
  analyst = await tokenFor('analyst');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-imports-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-outside-'));
  process.env.VIGIL_IMPORT_DIR = dir;
  fs.writeFileSync(path.join(dir, 'good.csv'), emails);
  fs.writeFileSync(path.join(outside, 'secret.csv'), `email,label\n${SECRET}@x.co,1\n${SECRET}@y.co,0\n`);
  fs.symlinkSync('/etc/passwd', path.join(dir, 'passwd.csv'));
  fs.symlinkSync(path.join(outside, 'secret.csv'), path.join(dir, 'secret-link.csv'));
  fs.symlinkSync(outside, path.join(dir, 'outside-dir'));
  fs.symlinkSync('/dev/zero', path.join(dir, 'zero.csv'));
  fs.symlinkSync(path.join(dir, 'good.csv'), path.join(dir, 'good-link.csv'));
  fs.mkdirSync(path.join(dir, 'sub'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.csv')]);
});
afterAll(() => {
  delete process.env.VIGIL_IMPORT_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

describe('server paths stay inside VIGIL_IMPORT_DIR', () => {
  it('refuses traversal, absolute paths outside, /proc and /etc, before touching the file', async () => {
    for (const p of ['../../../../etc/passwd', '/etc/passwd', '/proc/self/environ', '../' + path.basename(outside) + '/secret.csv', path.join(outside, 'secret.csv'), 'sub/../../x.csv']) {
      expectRefused(await previewPath(p), /outside the import directory/);
      expectRefused(await importFrom(p), /outside the import directory/);
    }
    const environ = await previewPath('/proc/self/environ');
    expect(environ.text).not.toContain(process.env.NEXTAUTH_SECRET!);
  });

  it('refuses symlinks that lead outside, to files, directories and devices', async () => {
    for (const p of ['passwd.csv', 'secret-link.csv', 'outside-dir/secret.csv', 'zero.csv', path.join(dir, 'secret-link.csv')]) {
      expectRefused(await previewPath(p), /leads outside the import directory/);
      expectRefused(await importFrom(p), /leads outside the import directory/);
    }
  });

  it('refuses directories, FIFOs and other non-regular files', async () => {
    for (const p of ['sub', '.', 'pipe.csv']) {
      expectRefused(await previewPath(p), /not a regular file/);
      expectRefused(await importFrom(p), /not a regular file/);
    }
  });

  it('reads regular files given relative to the directory, absolute inside it, or through a symlink that stays inside', async () => {
    for (const p of ['good.csv', path.join(dir, 'good.csv'), 'good-link.csv', 'sub/../good.csv']) {
      const res = await previewPath(p);
      expect(res.status, p).toBe(200);
      expect(JSON.parse(res.text)).toMatchObject({ header: ['email', 'label'], truncated: false });
    }
    expect((await importFrom('good.csv')).status).toBe(201);
    const missing = JSON.parse((await previewPath('nope.csv')).text);
    expect(missing.error).toMatchObject({ code: 'file_not_found', message: expect.stringMatching(/no file "nope.csv" in the import directory \(VIGIL_IMPORT_DIR\)/) });
  });

  it('is for roles with datasets:write only', async () => {
    expect((await previewPath('good.csv', analyst)).status).toBe(403);
    expect((await send(await importPath.POST(request('POST', '/api/datasets/import-path', { token: analyst, body: { path: 'good.csv', name: 'x', kind: 'email', labelColumn: 'label' } }), noCtx))).status).toBe(403);
  });

  it('defaults to data/imports under the working directory and creates it', async () => {
    delete process.env.VIGIL_IMPORT_DIR;
    try {
      const resolved = await importDir();
      expect(resolved).toBe(fs.realpathSync(path.resolve('data/imports')));
      expect(fs.statSync(resolved).isDirectory()).toBe(true);
    } finally {
      process.env.VIGIL_IMPORT_DIR = dir;
    }
  });
});

describe('dataset errors never echo file content', () => {
  it('a one-line file is reported by its column count, not its text (the /proc/self/environ leak)', async () => {
    fs.writeFileSync(path.join(dir, 'one-line.csv'), `NEXTAUTH_SECRET=${SECRET},DATABASE_URL=postgres://u:${SECRET}@db/x\n`);
    for (const res of [await previewPath('one-line.csv'), await importFrom('one-line.csv'), await upload(`NEXTAUTH_SECRET=${SECRET}\n`), await previewUpload(`x,NEXTAUTH_SECRET=${SECRET}\n`)]) {
      expect(res.status).toBe(400);
      // Imports check the mapped columns first: then the header is described by its size too.
      expect(JSON.parse(res.text).error.message).toMatch(/header row \(\d columns?\) but no data rows|none of the header's \d columns/);
      expect(res.text).not.toContain(SECRET);
    }
    expect(JSON.parse((await previewPath('one-line.csv')).text).error.code).toBe('no_rows');
  });

  it('parse errors name the line and column, not the record', async () => {
    const opening = await upload(`email,label\na@b.co,1\nab"${SECRET},1\n`);
    expect(JSON.parse(opening.text).error).toMatchObject({ code: 'invalid_csv', message: expect.stringMatching(/^The CSV cannot be parsed at line 3, column 1: a quote appears inside an unquoted field/) });
    const unclosed = await upload(`email,label\na@b.co,1\n"${SECRET},1\n`);
    expect(JSON.parse(unclosed.text).error).toMatchObject({ code: 'invalid_csv', message: expect.stringMatching(/line \d+.*never closed/) });
    const closing = await upload(`email,label\n"a"${SECRET},1\n`);
    expect(JSON.parse(closing.text).error).toMatchObject({ code: 'invalid_csv', message: expect.stringMatching(/line 2, column 1: a closing quote/) });
    for (const res of [opening, unclosed, closing]) expect(res.text).not.toContain(SECRET);
  });

  it('header and label problems name positions and counts, not values', async () => {
    const dup = await upload(`${SECRET},label,${SECRET}\n1,1,1\n`, 'kind=tabular&label=label');
    expect(JSON.parse(dup.text).error).toMatchObject({ code: 'duplicate_columns', message: 'Column names must be unique; columns 1 and 3 have the same name.' });
    const missing = await upload(`${SECRET},label\n1,1\n`, 'kind=tabular&label=is_fraud');
    expect(JSON.parse(missing.text).error).toMatchObject({ code: 'no_such_column' });
    const labels = await upload(`email,label\na@b.co,${SECRET}\nc@d.co,${SECRET}x\n`);
    expect(JSON.parse(labels.text).error).toMatchObject({ code: 'unusable_labels', message: expect.stringMatching(/no readable labels.*2 distinct values/) });
    for (const res of [dup, missing, labels]) expect(res.text).not.toContain(SECRET);
  });

  it('a malformed 11 MB upload gets a small JSON error', async () => {
    const columns = Array.from({ length: 1_400_000 }, (_, i) => `c${i}`).join(',');
    const wide = `${columns}\n1,2\n`;
    expect(wide.length).toBeGreaterThan(11_000_000);
    const bigField = `email,label\n${'x'.repeat(11_000_000)}"oops,1\n`;
    const unclosed = `email,label\n"${'y'.repeat(11_000_000)}\n`;
    for (const csv of [wide, bigField, unclosed]) {
      const res = await upload(csv, 'kind=tabular&label=label');
      expect(res.status).toBe(400);
      expect(Buffer.byteLength(res.text)).toBeLessThan(8 * 1024);
      expect(JSON.parse(res.text).error.code).toMatch(/no_such_column|invalid_csv|ragged_rows/);
    }
  });

  it('binary uploads and files get a short readable 415, not raw bytes', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.alloc(64, 0xff)]);
    fs.writeFileSync(path.join(dir, 'image.csv'), png);
    const late = Buffer.concat([Buffer.from(emails), Buffer.from([0, 1, 2, 3])]);
    for (const res of [await upload(png), await previewUpload(png), await previewPath('image.csv'), await importFrom('image.csv'), await upload(late)]) {
      expect(res.status).toBe(415);
      const { error } = JSON.parse(res.text);
      expect(error).toMatchObject({ code: 'not_csv', message: expect.stringMatching(/^This file does not look like CSV text \(binary data at byte [\d,]+\)/) });
      expect(res.text.length).toBeLessThan(400);
      expect(res.text).not.toMatch(/IHDR|PNG|\\u0000/);
    }
  });
});
