import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { expect, test } from '@playwright/test';
import { generateEmails } from '../lib/demo';
import { login } from './helpers';

test('an engineer imports a generated CSV: preview, label mapping, upload progress, version page with a chart', async ({ page }) => {
  const rows = generateEmails({ count: 300, seed: 42 });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-csv-')), 'e2e-emails.csv');
  // No well-known label name: the engineer has to map the label column by hand.
  fs.writeFileSync(file, stringify(rows.map((r) => ({ address: r.email, outcome: r.label })), { header: true, columns: ['address', 'outcome'] }));
  const name = `e2e-emails-${Date.now()}`;

  await login(page, 'engineer');
  await page.goto('/datasets');
  await page.getByTestId('import-csv').click();
  await expect(page.getByTestId('page-title')).toHaveText('Import a CSV');
  await page.getByTestId('csv-file').setInputFiles(file);
  await expect(page.getByTestId('preview-table')).toContainText(rows[0].email);
  await page.getByTestId('dataset-name').fill(name);
  await page.getByTestId('dataset-kind').selectOption('tabular');
  await page.getByTestId('label-column').selectOption('outcome');

  // The upload of a small file finishes in milliseconds, so record every state of the progress bar;
  // router.push keeps the same window, so the record survives the move to the version page.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="upload-progress"]');
      if (bar) seen.push(`${bar.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')}|${bar.textContent}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.getByTestId('import-submit').click();

  await expect(page).toHaveURL(/\/datasets\/versions\/[\w-]+$/);
  await expect(page.getByTestId('page-title')).toContainText(name);
  await expect(page.getByTestId('version-rows')).toHaveText('300');
  const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(progress.some((p) => p.startsWith('100|') && p.includes('Uploaded 100%'))).toBe(true);
  await expect(page.getByTestId('version-positives')).toHaveText(String(rows.filter((r) => r.label === 1).length));
  await expect(page.getByTestId('version-sha256')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId('version-preview')).toContainText(rows[0].email);
  // 300 distinct addresses in 300 rows: an identifier, named but not charted.
  await expect(page.getByTestId('column-chart').filter({ hasText: 'address' })).toContainText('Identifier-like');
  await expect(page.getByTestId('class-balance-outcome').locator('.recharts-bar-rectangle').first()).toBeVisible();

  // From the version straight to training on it: the form starts on this version.
  const versionId = page.url().split('/').pop()!;
  await page.getByTestId('train-this-version').click();
  await expect(page.getByTestId('dataset-select')).toHaveValue(versionId);

  await page.goto('/datasets');
  await expect(page.getByTestId(`dataset-version-${name}-v1`)).toContainText('300');
});

test('an analyst sees no Import button and gets a 403 JSON error from the import API', async ({ page }) => {
  await login(page, 'analyst');
  await page.goto('/datasets');
  await expect(page.getByTestId('page-title')).toHaveText('Datasets');
  await expect(page.getByTestId('import-csv')).toHaveCount(0);
  const res = await page.request.post('/api/datasets/import?name=analyst-try&kind=email&label=label', {
    data: Buffer.from('email,label\na@b.co,1\nc@d.co,0\n'),
    headers: { 'content-type': 'text/csv' },
  });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
  await page.goto('/datasets/import');
  await expect(page.getByTestId('forbidden')).toBeVisible();
});
