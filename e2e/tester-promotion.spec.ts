// A promotion changes what the live tester answers, without a restart.
import { expect, test } from '@playwright/test';
import { login } from './helpers';

test('a promoted model changes the score tester’s answer', async ({ page }) => {
  await login(page, 'admin');
  const email = 'xq7zk93vw@liamg.moc';
  const score = async () => {
    await page.goto('/score');
    await page.getByTestId('score-email-input').fill(email);
    await expect(page.getByTestId('score-subject')).toHaveText(email);
    await expect(page.getByTestId('score-result')).not.toHaveAttribute('aria-busy', 'true');
    return (await page.getByTestId('score-model').textContent())!.trim();
  };
  const before = await score();

  const { datasets } = await (await page.request.get('/api/datasets')).json();
  const demo = datasets.find((d: { name: string }) => d.name === 'demo-emails');
  const job = await (await page.request.post('/api/training/jobs', { data: { datasetVersionId: demo.latest.id, modelName: 'e2e-tester', algorithm: 'gbdt', params: { rounds: 5, depth: 2 } } })).json();
  await expect.poll(async () => (await (await page.request.get(`/api/training/jobs/${job.id}`)).json()).status, { timeout: 60_000 }).toBe('succeeded');
  const { result } = await (await page.request.get(`/api/training/jobs/${job.id}`)).json();
  const promoted = await page.request.post(`/api/models/versions/${result.modelVersionId}/promote`, { data: { note: 'e2e: tester follows promotions' } });
  expect(promoted.status()).toBe(200);

  // The serving pointer is re-read at most once a second.
  await page.waitForTimeout(1_500);
  const after = await score();
  expect(after).toContain('e2e-tester');
  expect(after).not.toBe(before);
});
