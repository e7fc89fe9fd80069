// SQLite under a held write lock: the web process gives up after a short busy timeout and answers
// 503 database_busy with Retry-After, instead of freezing its event loop for 10 s and answering 500.
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import * as ping from '@/app/ping/route';
import * as tokens from '@/app/api/tokens/route';
import { db } from '@/lib/server/platform/db';
import { sqlitePath } from '@/lib/server/platform/env';
import { isDatabaseBusy } from '@/lib/server/platform/db-busy';
import { params, request, tokenFor, unique } from './helpers';

const sqlite = inject('provider') === 'sqlite';
let lock: Database.Database | null = null;
let admin = '';

beforeAll(async () => {
  admin = await tokenFor('admin');
  // First use records lastUsedAt (a write); do it before the lock is taken.
  expect((await tokens.GET(request('GET', '/api/tokens', { token: admin }), params({}))).status).toBe(200);
});

afterEach(() => {
  if (lock?.inTransaction) lock.exec('ROLLBACK');
  lock?.close();
  lock = null;
});

describe.skipIf(!sqlite)('SQLite busy', () => {
  it('runs every connection in WAL mode with synchronous=NORMAL', async () => {
    const [mode] = await db().$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
    const [sync] = await db().$queryRawUnsafe<{ synchronous: bigint | number }[]>('PRAGMA synchronous');
    expect(mode.journal_mode).toBe('wal');
    expect(Number(sync.synchronous)).toBe(1);
  });

  it('answers a write with 503 and Retry-After within a second while another connection holds the lock, and /ping answers meanwhile', async () => {
    lock = new Database(sqlitePath(inject('databaseUrl')));
    lock.exec('BEGIN IMMEDIATE');
    const started = performance.now();
    const write = tokens.POST(request('POST', '/api/tokens', { token: admin, body: { name: unique('busy'), role: 'viewer' } }), params({}));
    const pingStarted = performance.now();
    const pong = await ping.GET(request('GET', '/ping'), params({}));
    const pingMs = performance.now() - pingStarted;
    const res = await write;
    const elapsed = performance.now() - started;

    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toEqual({ error: { code: 'database_busy', message: expect.stringContaining('retry') } });
    expect(elapsed).toBeLessThan(1_000);
    expect(pong.status).toBe(200);
    expect(pingMs).toBeLessThan(1_000);

    // Reads are not blocked by the writer (WAL), and the write succeeds once the lock is gone.
    expect((await tokens.GET(request('GET', '/api/tokens', { token: admin }), params({}))).status).toBe(200);
    lock.exec('ROLLBACK');
    const retried = await tokens.POST(request('POST', '/api/tokens', { token: admin, body: { name: unique('busy'), role: 'viewer' } }), params({}));
    expect(retried.status).toBe(201);
  });
});

describe('busy detection', () => {
  it('does not mistake other database errors for a busy database', async () => {
    const err = await db().$executeRawUnsafe('SELECT * FROM "NoSuchTable"').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(isDatabaseBusy(err)).toBe(false);
  });
});
