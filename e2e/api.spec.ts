import { expect, test } from '@playwright/test';
import { login } from './helpers';

test('API: 401 without credentials, and a UI-minted token that gets 403 where its role ends', async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const me = await anonymous.get('/api/me');
  expect(me.status()).toBe(401);
  expect(await me.json()).toMatchObject({ error: { code: 'unauthorized' } });

  await login(page, 'admin');
  await page.goto('/settings/tokens');
  await page.getByLabel('Name').fill('e2e-analyst');
  await page.getByLabel('Role').selectOption('analyst');
  await page.getByTestId('token-create').click();
  const secret = (await page.getByTestId('token-secret').textContent())!.trim();
  expect(secret).toMatch(/^vgl_/);
  await expect(page.getByTestId('token-table')).toContainText('e2e-analyst');

  const auth = { authorization: `Bearer ${secret}` };
  expect(await (await anonymous.get('/api/me', { headers: auth })).json()).toMatchObject({ kind: 'token', role: 'analyst', name: 'e2e-analyst' });
  const forbidden = await anonymous.get('/api/tokens', { headers: auth });
  expect(forbidden.status()).toBe(403);
  expect(await forbidden.json()).toMatchObject({ error: { code: 'forbidden' } });

  await page.getByTestId('revoke-e2e-analyst').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('Revoke "e2e-analyst"?');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('token-table')).toContainText('revoked');
  const revoked = await anonymous.get('/api/me', { headers: auth });
  expect(revoked.status()).toBe(401);
  expect(await revoked.json()).toMatchObject({ error: { code: 'token_revoked' } });
  await anonymous.dispose();
});

test('API: bad JSON is a 400 and unknown routes are a JSON 404', async ({ page }) => {
  await login(page, 'admin');
  const bad = await page.request.post('/api/tokens', { data: Buffer.from('{"name":'), headers: { 'content-type': 'application/json' } });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { code: 'invalid_json' } });
  const missing = await page.request.get('/api/does-not-exist');
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
});

test('login is rate-limited after repeated failures', async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const { csrfToken } = await (await api.get('/api/auth/csrf')).json();
  const attempt = () => api.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: 'nobody@vigil.local', password: 'wrong', json: 'true' },
    maxRedirects: 0,
  });
  // Five free failures per account and address, then a backoff that starts at one second.
  for (let i = 0; i < 5; i++) expect((await attempt()).status()).toBeLessThan(429);
  let limited = await attempt();
  for (let i = 0; i < 4 && limited.status() !== 429; i++) limited = await attempt(); // a slow machine may outlast 1 s
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
  await api.dispose();
});
