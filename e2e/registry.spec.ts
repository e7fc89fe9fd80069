import { expect, test, type Browser, type Page } from '@playwright/test';
import { login } from './helpers';

const MODEL = 'e2e-emails';

// REGISTRY_SHOTS=dir saves what a person sees at each step (for reviewing the UI; off in CI).
async function shot(page: Page, name: string) {
  if (process.env.REGISTRY_SHOTS) await page.screenshot({ path: `${process.env.REGISTRY_SHOTS}/${name}.png`, fullPage: true });
}

async function pickDataset(page: Page, name: string) {
  const value = await page.getByTestId('dataset-select').locator('option', { hasText: name }).first().getAttribute('value');
  await page.getByTestId('dataset-select').selectOption(value!);
  return value!;
}

/** Trains one version through the form and the live job page; returns the new version's id. */
async function trainThroughUi(page: Page, params: Record<string, string>, label: string) {
  await page.goto('/train');
  await pickDataset(page, 'demo-emails');
  await page.getByTestId('model-name').fill(MODEL);
  for (const [name, value] of Object.entries(params)) await page.getByTestId(`param-${name}`).fill(value);
  await page.getByTestId('train-submit').click();
  await expect(page).toHaveURL(/\/jobs\/[\w-]+$/);
  await expect(page.getByTestId('job-progress')).toBeVisible();
  await expect(page.getByTestId('job-status')).toHaveText('succeeded', { timeout: 150_000 });
  await expect(page.getByTestId('job-progress')).toHaveAttribute('aria-valuenow', '100');
  await shot(page, `job-${label}`);
  await page.getByTestId('job-version-link').click();
  await expect(page.getByTestId('page-title')).toContainText(MODEL);
  return page.url().split('/').pop()!;
}

async function promoteFromVersionPage(page: Page, id: string, note: string) {
  await page.goto(`/models/versions/${id}`);
  await page.getByTestId('promote-button').click();
  await page.getByTestId('note-input').fill(note);
  await page.getByTestId('note-confirm').click();
  await expect(page.getByTestId('version-stage')).toHaveText('production');
  await expect(page.getByTestId('audit-history')).toContainText(note);
}

test('an engineer trains two versions, compares them, promotes both and rolls back', async ({ page }) => {
  test.setTimeout(420_000);
  await login(page, 'engineer');

  // The form checks the shared schema before anything is sent, and shows p* live.
  await page.goto('/train');
  await page.getByTestId('cost-fn').fill('10');
  await page.getByTestId('cost-fp').fill('1');
  await expect(page.getByTestId('p-star')).toContainText('0.0909');
  await page.getByTestId('param-rounds').fill('0');
  await page.getByTestId('train-submit').click();
  await expect(page.getByText('Rounds must be between 1 and 5000.')).toBeVisible();
  await expect(page).toHaveURL(/\/train$/);
  await shot(page, 'train-form');

  const first = await trainThroughUi(page, { rounds: '40' }, 'first');
  await expect(page.getByTestId('roc-chart').locator('.recharts-line')).toHaveCount(1);
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();
  await expect(page.getByTestId('importance-chart')).toBeVisible();
  await shot(page, 'version');
  const second = await trainThroughUi(page, { rounds: '40', depth: '3' }, 'second');

  await page.goto('/models');
  await page.getByTestId(`select-${MODEL}-v1`).check();
  await expect(page.getByTestId('compare-button')).toBeDisabled();
  await page.getByTestId(`select-${MODEL}-v2`).check();
  await shot(page, 'models');
  await page.getByTestId('compare-button').click();
  await expect(page).toHaveURL(new RegExp(`/models/compare\\?ids=${first},${second}`));
  await expect(page.getByTestId('compare-metrics')).toContainText('PR-AUC');
  await expect(page.getByTestId('compare-roc').locator('.recharts-line')).toHaveCount(2);
  await expect(page.getByTestId('compare-pr').locator('.recharts-line')).toHaveCount(2);
  await expect(page.getByTestId('eval-notice')).toContainText('Same evaluation set');
  await expect(page.getByTestId('params-diff').locator('tr[data-differs]')).toContainText('depth');
  await shot(page, 'compare');

  // A promotion needs a note.
  await page.goto(`/models/versions/${first}`);
  await page.getByTestId('promote-button').click();
  await page.getByTestId('note-confirm').click();
  await expect(page.getByTestId('note-error')).toBeVisible();
  await shot(page, 'promote-dialog');
  await promoteFromVersionPage(page, first, 'e2e: first version goes live');
  await promoteFromVersionPage(page, second, 'e2e: shallower trees look better');

  await page.getByTestId('rollback-button').click();
  await page.getByTestId('note-confirm').click();
  await expect(page.getByTestId('version-stage')).toHaveText('archived');
  await page.goto(`/models/versions/${first}`);
  await expect(page.getByTestId('version-stage')).toHaveText('production');
  await expect(page.getByTestId('audit-history')).toContainText('Rolled back');
  await page.goto('/models');
  await expect(page.getByTestId(`production-${MODEL}`)).toContainText('v1');
  await expect(page.getByTestId(`stage-${MODEL}-v2`)).toHaveText('archived');
});

/** Any registered version; trains a tiny one as the engineer when the registry is empty. */
async function someVersionId(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, 'engineer');
  const listed = (await (await page.request.get('/api/models')).json()) as { models: { versions: { id: string }[] }[] };
  let id = listed.models.flatMap((m) => m.versions)[0]?.id;
  if (!id) {
    await page.goto('/train');
    const datasetVersionId = await pickDataset(page, 'demo-emails');
    const job = await (await page.request.post('/api/training/jobs', { data: { datasetVersionId, params: { rounds: 10 } } })).json();
    await expect.poll(async () => (await (await page.request.get(`/api/training/jobs/${job.id}`)).json()).status, { timeout: 120_000 }).toBe('succeeded');
    id = (await (await page.request.get(`/api/training/jobs/${job.id}`)).json()).result.modelVersionId as string;
  }
  await context.close();
  return id;
}

test('an analyst reads the registry but cannot promote, in the UI or through the API', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const id = await someVersionId(browser);
  await login(page, 'analyst');
  await expect(page.getByTestId('nav-train')).toHaveCount(0);
  await page.goto('/models');
  await expect(page.getByTestId('page-title')).toHaveText('Models');
  await expect(page.getByTestId('train-link')).toHaveCount(0);
  await page.goto(`/models/versions/${id}`);
  await expect(page.getByTestId('metric-cards')).toBeVisible();
  await expect(page.getByTestId('promote-button')).toHaveCount(0);
  await expect(page.getByTestId('version-actions')).toHaveCount(0);

  const res = await page.request.post(`/api/models/versions/${id}/promote`, { data: { note: 'analyst tries anyway' } });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
});
