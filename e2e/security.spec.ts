// Browser-facing defences against the real server: cross-site requests with a valid session, security headers,
// the login redirect, and a login throttle that a rotating X-Forwarded-For cannot get around.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { login, PASSWORD, USERS } from './helpers';

// The browser's own Origin header, not the one the config adds for page.request.
test.use({ extraHTTPHeaders: {} });

async function tokenNames(page: Page): Promise<string[]> {
  const res = await page.request.get('/api/tokens');
  expect(res.status()).toBe(200);
  return ((await res.json()).tokens as { name: string }[]).map((t) => t.name);
}

test('a cross-site request with a valid admin session is refused and creates no token', async ({ page }) => {
  await login(page, 'admin');
  const name = `evil-${Date.now()}`;
  const body = JSON.stringify({ name, role: 'admin' });

  const crossSite = await page.request.post('/api/tokens', { headers: { origin: 'https://evil.example', 'content-type': 'text/plain' }, data: body });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.json()).toEqual({ error: { code: 'cross_site_request', message: expect.stringContaining('another site') } });
  expect(crossSite.headers()['x-content-type-options']).toBe('nosniff'); // the proxy's own answers carry the headers too
  const noOrigin = await page.request.post('/api/tokens', { headers: { 'content-type': 'application/json' }, data: body });
  expect(noOrigin.status()).toBe(403);
  // Same origin but not JSON: still refused, by the content-type check.
  const plain = await page.request.post('/api/tokens', { headers: { origin: new URL(page.url()).origin, 'content-type': 'text/plain' }, data: body });
  expect(plain.status()).toBe(415);
  expect(await plain.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });

  expect(await tokenNames(page)).not.toContain(name);
});

test('an HTML form on another origin cannot post to the API with the session', async ({ page, baseURL }) => {
  await login(page, 'admin');
  const name = `form-${Date.now()}`;
  // text/plain forms are the classic way to smuggle a JSON-looking body: name + "=" + value.
  const html = `<!doctype html><form method="post" action="${baseURL}/api/tokens" enctype="text/plain">
    <input type="hidden" name='{"name":"${name}","role":"admin","x":"' value='"}'></form>
    <script>document.forms[0].submit()</script>`;
  // Same host, another port: another origin but the same site, so SameSite=Lax still sends the session cookie.
  const evil = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = evil.address() as AddressInfo;
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/tokens') && r.request().method() === 'POST');
    await page.goto(`http://127.0.0.1:${port}/`);
    const res = await answer;
    expect((await res.request().allHeaders())['cookie']).toContain('next-auth.session-token');
    expect(res.status()).toBe(403);
    await expect(page.locator('body')).toContainText('cross_site_request');
  } finally {
    evil.close();
  }
  await page.goto('/');
  expect(await tokenNames(page)).not.toContain(name);
});

test('security headers are on pages and API answers', async ({ request }) => {
  for (const path of ['/', '/login', '/api/health']) {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) expect(h['content-security-policy']).toContain(directive);
    expect(h['x-frame-options'], path).toBe('DENY');
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(h['permissions-policy'], path).toContain('camera=()');
  }
});

test('pages still render under the CSP: dataset charts and the API docs', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content.Security.Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  await login(page, 'admin');
  const { datasets } = await (await page.request.get('/api/datasets')).json();
  const demo = datasets.find((d: { name: string }) => d.name === 'demo-transactions');
  await page.goto(`/datasets/versions/${demo.latest.id}`);
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await page.goto('/docs');
  await expect(page.getByTestId('page-title')).toHaveText('API');
  await page.locator('details summary').first().click();
  await expect(page.locator('details[open] pre, details[open] p').first()).toBeVisible();
  expect(violations).toEqual([]);
});

for (const callbackUrl of ['//evil.example/x', '/\\evil.example', 'https://evil.example', '/%2F%2Fevil.example']) {
  test(`after login, callbackUrl=${callbackUrl} stays on Vigil`, async ({ page, baseURL }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel('Email').fill(USERS.viewer);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('page-title')).toHaveText('Overview');
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}

test('30 wrong passwords with a rotating X-Forwarded-For hit 429', async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const { csrfToken } = await (await api.get('/api/auth/csrf')).json();
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) {
    const res = await api.post('/api/auth/callback/credentials', {
      form: { csrfToken, email: 'xff-guesser@vigil.local', password: `guess-${i}`, json: 'true' },
      headers: { 'x-forwarded-for': `198.51.100.${i}`, 'x-real-ip': `203.0.113.${i}`, 'x-vigil-client-ip': `192.0.2.${i}` },
      maxRedirects: 0,
    });
    statuses.push(res.status());
    if (res.status() === 429) {
      expect(Number(res.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
      break;
    }
  }
  expect(statuses.at(-1)).toBe(429);
  expect(statuses.length).toBeLessThanOrEqual(10);
  await api.dispose();
});
