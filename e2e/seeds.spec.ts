// The five services' documented requests, sent over HTTP exactly as their READMEs show them.
import { expect, test } from '@playwright/test';
import { login } from './helpers';

test('the seeds’ documented requests work against the running product', async ({ page, playwright, baseURL }) => {
  await login(page, 'admin');
  const minted = await page.request.post('/api/tokens', { data: { name: 'seed-clients', role: 'engineer' } });
  const { token } = await minted.json();
  const api = await playwright.request.newContext({ baseURL });
  const seedHeaders = { Authorization: token, 'User-Agent': 'insomnia/8.4.0' };

  // Seed 000: email scoring as a task, and the model registry.
  const started = await api.post('/prediction/single/fraude@gmail.com', { headers: seedHeaders });
  expect(started.status()).toBe(200);
  const { task_id } = await started.json();
  const result = await (await api.get(`/prediction/tasks/${task_id}`, { headers: seedHeaders })).json();
  expect(result).toEqual({ proba: expect.any(Number), email: 'fraude@gmail.com' });
  const registry = await (await api.get('/model/registry/all', { headers: seedHeaders })).json();
  expect(registry.some((m: { serving: boolean }) => m.serving)).toBe(true);
  const main = await (await api.get('/model/registry/default', { headers: seedHeaders })).json();
  expect(main).toMatchObject({ name: 'email-default', params: { model_params: { n_estimators: expect.any(Number) } } });

  // Seed 001: no credentials in its README.
  expect(await (await api.get('/ping')).json()).toEqual({ ping: 'pong' });
  const probabilities = await api.post('/fraud_detection', {
    headers: { 'Content-Type': 'application/json' },
    data: [{ customer_id: 345435, number_of_open_accounts: 23, total_credit_limit: 12345, total_balance: 200000, number_of_accounts_in_arrears: 2 }],
  });
  expect(probabilities.status()).toBe(200);
  const [p] = await probabilities.json();
  expect(p).toBeGreaterThan(0.5);

  // Seed 004: the sketch body.
  const predicted = await api.post('/predict', { data: { UserId: [0], Event: [0], Category: [0] } });
  expect(await predicted.json()).toEqual({ UserId: [0], is_fake_probability: [expect.any(Number)] });
  await api.dispose();
});
