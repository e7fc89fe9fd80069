import { expect, test } from '@playwright/test';
import { login } from './helpers';

// Against the built server: the proxy's guard answers before Next's own path decoding and method routing.
test('malformed percent-encoding is a JSON 400, an unexported method a JSON 405 with Allow', async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  for (const path of ['/api/transactions/%ZZ', '/model/registry/%E0%A4%A', '/prediction/tasks/%']) {
    const res = await api.get(path);
    expect(res.status(), path).toBe(400);
    expect(await res.json(), path).toMatchObject({ error: { code: 'bad_path', message: expect.any(String) } });
  }
  // Decoded once by Next, the second decode in the handler fails: still a JSON 4xx (401 first, without credentials).
  const twice = await api.post('/prediction/single/%25E0%25A4%25A');
  expect(twice.status()).toBeLessThan(500);
  expect(await twice.json()).toMatchObject({ error: { code: expect.any(String) } });

  const patch = await api.patch('/api/transactions', { data: {} });
  expect(patch.status()).toBe(405);
  expect(patch.headers()['allow']).toBe('POST, OPTIONS');
  expect(await patch.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
  const del = await api.delete('/ping');
  expect(del.status()).toBe(405);
  expect(del.headers()['allow']).toBe('GET, HEAD, OPTIONS');
  expect((await api.get('/ping')).status()).toBe(200);
});

test('an engineer sees the dead-letter page', async ({ page }) => {
  await login(page, 'engineer');
  await page.goto('/settings/dead-letters');
  await expect(page.getByTestId('page-title')).toHaveText('Dead letters');
  await expect(page.getByTestId('dead-letters-empty').or(page.getByTestId('dead-letters-table'))).toBeVisible();
});
