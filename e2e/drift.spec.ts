// The engineer's drift journey: normal traffic, then a shifted batch; "Compute now" turns the status red,
// and a click on a feature shows its baseline-versus-current histogram.
import { expect, test } from '@playwright/test';
import { generateTransactions } from '../lib/demo';
import { login } from './helpers';

const HOUR = 3_600_000;

test('an engineer sees drift turn to alert after a shifted batch and opens a feature histogram', async ({ page }) => {
  // Keep the shifted batch inside the last complete hour for the whole test; the wait counts on top of the budget.
  const wait = Date.now() % HOUR > 57 * 60_000 ? HOUR - (Date.now() % HOUR) + 2_000 : 0;
  test.setTimeout(120_000 + wait);
  if (wait) await page.waitForTimeout(wait);
  const hourStart = Math.floor(Date.now() / HOUR) * HOUR;
  await login(page, 'engineer');

  // Normal traffic over the two previous days, then 300 transactions packed into the last complete hour with amounts ×8.
  const normal = generateTransactions({ cards: 120, days: 2, seed: 9090, start: hourStart - 2 * HOUR - 2 * 24 * HOUR, fraudRate: 0.02 });
  const sample = generateTransactions({ cards: 120, days: 1, seed: 9091, start: hourStart - 25 * HOUR, fraudRate: 0.02 }).slice(0, 300);
  const shifted = sample.map((t, i) => {
    const at = hourStart - HOUR + Math.floor((i * (HOUR - 60_000)) / sample.length);
    return { ...t, trans_num: `${t.trans_num}-shift`, amt: Math.round(t.amt * 800) / 100, unix_time: Math.floor(at / 1000), trans_date_trans_time: undefined };
  });
  for (const batch of [normal, shifted]) {
    for (let i = 0; i < batch.length; i += 1000) {
      const res = await page.request.post('/api/transactions', { data: { transactions: batch.slice(i, i + 1000) } });
      expect(res.status(), await res.text()).toBe(201);
    }
  }

  await page.getByTestId('nav-drift').click();
  await expect(page.getByTestId('page-title')).toHaveText('Drift');
  // The default window follows the volume (the week at this test's traffic); the shifted batch is in the last hour.
  await page.getByTestId('drift-window').selectOption('hour');
  await expect(page.getByTestId('drift-window')).toHaveValue('hour');
  await page.getByTestId('compute-drift').click();
  await expect(page.getByTestId('compute-drift')).toHaveText('Compute now', { timeout: 60_000 });
  const status = page.getByTestId('drift-status');
  await expect(status).toHaveText('alert', { timeout: 15_000 });
  await expect(status).toHaveClass(/danger/);
  await expect(page.getByTestId('score-psi-chart').locator('circle[data-status="alert"]').first()).toBeVisible();

  await page.getByTestId('feature-log_amount').click();
  await expect(page.getByTestId('feature-histogram')).toBeVisible();
  await expect(page.getByTestId('feature-histogram')).toHaveAttribute('data-feature', 'log_amount');
  await expect(page.getByTestId('feature-detail')).toContainText('PSI');

  const alerts = await (await page.request.get('/api/alerts?type=drift')).json();
  expect(alerts.items.some((a: { title: string }) => /Drift: transaction-default/.test(a.title))).toBe(true);
});
