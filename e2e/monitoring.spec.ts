import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

/** Trains a small email candidate through the API (session cookies) and returns its version id. */
async function trainCandidate(page: Page): Promise<string> {
  const { datasets } = await (await page.request.get('/api/datasets')).json();
  const emails = datasets.find((d: { name: string }) => d.name === 'demo-emails');
  const res = await page.request.post('/api/training/jobs', { data: { datasetVersionId: emails.latest.id, modelName: 'e2e-challenger', params: { rounds: 15 } } });
  expect(res.status()).toBe(202);
  const created = await res.json();
  const jobId = created.id ?? created.job?.id;
  let job: { status: string; result?: { modelVersionId?: string } } = { status: 'queued' };
  await expect.poll(async () => (job = await (await page.request.get(`/api/jobs/${jobId}`)).json()).status, { timeout: 150_000 }).toBe('succeeded');
  return job.result!.modelVersionId!;
}

test('an engineer promotes a challenger from the compare view and tunes its threshold', async ({ page }) => {
  test.setTimeout(300_000);
  await login(page, 'engineer');

  await page.goto('/monitoring/shadow?kind=email');
  await expect(page.getByTestId('shadow-empty')).toContainText('Move a candidate to shadow');

  const id = await trainCandidate(page);
  const staged = await page.request.post(`/api/models/versions/${id}/stage`, { data: { stage: 'shadow', note: 'e2e challenger' } });
  expect(staged.status()).toBe(200);

  await page.goto('/monitoring/shadow?kind=email');
  await expect(page.getByTestId('shadow-table')).toContainText('e2e-challenger');
  await page.getByTestId('promote-challenger').click();
  await page.getByTestId('note-input').fill('challenger won on live labels');
  await page.getByTestId('note-confirm').click();
  await expect(page.getByTestId('shadow-empty')).toBeVisible();
  const v = await (await page.request.get(`/api/models/versions/${id}`)).json();
  expect(v.version.stage).toBe('production');

  // Backtest and tune: type a threshold, save, reload, and it is still there.
  await page.goto(`/models/versions/${id}`);
  await page.getByTestId('backtest-link').click();
  await expect(page.getByTestId('page-title')).toContainText('Backtest');
  await page.getByTestId('run-backtest').click();
  await expect(page.getByTestId('run-backtest')).toHaveText('Run again', { timeout: 60_000 });
  await page.getByTestId('threshold-input').fill('0.3');
  await expect(page.getByTestId('band-preview')).toContainText('Review from');
  await page.getByTestId('save-threshold').click();
  await expect(page.getByTestId('threshold-saved')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('current-threshold')).toHaveText('0.3000');
  await expect(page.getByTestId('threshold-input')).toHaveValue('0.3000');
  await page.goto(`/models/versions/${id}`);
  await expect(page.getByTestId('audit-history')).toContainText('model.thresholds');
});
