// Password sign-in: the throttle gate in front of next-auth, the credentials check behind it, and their audit trail.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, LoginThrottle } from '@/lib/server/access/login-throttle';
import { gateCredentialsLogin, passwordLogin } from '@/lib/server/access/password-login';
import { db } from '@/lib/server/platform/db';
import { createUser } from '@/lib/server/access/users';
import { unique } from './helpers';

const PASSWORD = 'correct horse battery';
let email = '';

/** What the login form posts to next-auth's credentials callback. */
function loginRequest(address: Record<string, string>, who = email) {
  const body = new URLSearchParams({ email: who, password: 'irrelevant-to-the-gate', csrfToken: 'x', json: 'true' });
  return new Request('http://127.0.0.1:3000/api/auth/callback/credentials', { method: 'POST', body, headers: address });
}

const auditFor = (action: string, mail: string) =>
  db().auditEvent.findMany({ where: { action }, orderBy: { at: 'asc' } }).then((rows) => rows.filter((r) => (r.after as { email?: string } | null)?.email === mail));

beforeAll(() => {
  // The unit under test reads the address only from the web server's header; nothing else in the environment.
  delete process.env.VIGIL_TRUSTED_PROXIES;
});

beforeEach(async () => {
  email = `${unique('login')}@vigil.test`;
  await createUser({ email, name: 'Login Test', role: 'analyst', password: PASSWORD });
});

describe('login throttling', () => {
  it('30 wrong passwords with a rotating X-Forwarded-For hit 429 with Retry-After', async () => {
    const throttle = new LoginThrottle();
    const now = Date.now(); // one instant: the backoff cannot expire however slow the database is
    const statuses: number[] = [];
    let limited: Response | null = null;
    for (let i = 0; i < 30; i++) {
      const res = await gateCredentialsLogin(loginRequest({ 'x-forwarded-for': `198.51.100.${i}`, 'x-real-ip': `203.0.113.${i}` }), throttle, now);
      statuses.push(res?.status ?? 0);
      if (res && !limited) limited = res;
      if (!res) expect(await passwordLogin({ email, password: `wrong-${i}` }, { 'x-forwarded-for': `198.51.100.${i}` }, throttle)).toBeNull();
    }
    expect(statuses.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(24);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = await limited!.json();
    expect(body.error).toEqual({ code: 'rate_limited', message: expect.stringMatching(/^Too many failed sign-ins\. Try again in \d+ seconds?\.$/) });
    expect(new URL(body.url).searchParams.get('error')).toMatch(/^rate_limited:\d+$/);

    const failures = await auditFor('login.failure', email);
    expect(failures.map((f) => (f.after as { reason: string }).reason)).toEqual([...Array(5).fill('bad_password'), 'throttled']);
    expect(failures.every((f) => (f.after as { address: string }).address === 'unknown')).toBe(true);
  });

  it('after 20 failures from address A, the right password from address B still works', async () => {
    const throttle = new LoginThrottle({ ...DEFAULT_LIMITS, accountSlowStepMs: 10 });
    // Twenty failures from A, waiting out its backoff on the throttle's clock; A stays locked.
    let now = Date.now() - 10 * 60_000;
    for (let failures = 0; failures < 20; ) {
      if (throttle.attempt(email, '192.0.2.1', now).allowed) failures++;
      else now += 1_000;
    }
    expect((await gateCredentialsLogin(loginRequest({ 'x-vigil-client-ip': '192.0.2.1' }), throttle))?.status).toBe(429);

    const fromB = { 'x-vigil-client-ip': '192.0.2.2' };
    expect(await gateCredentialsLogin(loginRequest(fromB), throttle)).toBeNull();
    const who = await passwordLogin({ email, password: PASSWORD }, fromB, throttle);
    expect(who).toMatchObject({ kind: 'user', label: email, role: 'analyst' });
  });
});

describe('login audit', () => {
  it('records successes and each kind of failure with the address, never the password', async () => {
    const from = { 'x-vigil-client-ip': '192.0.2.44' };
    const throttle = new LoginThrottle();
    expect(await passwordLogin({ email: email.toUpperCase(), password: PASSWORD }, from, throttle)).not.toBeNull();
    expect(await passwordLogin({ email, password: 'not-it' }, from, throttle)).toBeNull();
    const ghost = `${unique('ghost')}@vigil.test`;
    expect(await passwordLogin({ email: ghost, password: 'whatever' }, from, throttle)).toBeNull();
    await db().user.update({ where: { email }, data: { disabledAt: new Date() } });
    expect(await passwordLogin({ email, password: PASSWORD }, from, throttle)).toBeNull();

    const user = await db().user.findUniqueOrThrow({ where: { email } });
    const [success] = await auditFor('login.success', email);
    expect(success).toMatchObject({ actorId: user.id, actorLabel: email, targetType: 'user', targetId: user.id, after: { email, address: '192.0.2.44' } });
    const failures = await auditFor('login.failure', email);
    expect(failures.map((f) => [f.targetId, (f.after as { reason: string }).reason])).toEqual([[user.id, 'bad_password'], [user.id, 'disabled']]);
    const [unknown] = await auditFor('login.failure', ghost);
    expect(unknown).toMatchObject({ actorId: null, targetType: 'user', targetId: null, after: { email: ghost, address: '192.0.2.44', reason: 'unknown_user' } });

    const everything = JSON.stringify(await db().auditEvent.findMany({ where: { action: { startsWith: 'login.' } } }));
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain('not-it');
  });
});
