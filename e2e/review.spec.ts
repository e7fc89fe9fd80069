// The analyst's journey: work the queue by keyboard, meet a conflict, test addresses, search and export.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { generateTransactions } from '../lib/demo';
import { login } from './helpers';

let admin: APIRequestContext;

/** An admin API token minted from an admin session: it plays "another analyst" and ingests traffic. */
async function adminApi(browser: Browser, baseURL: string): Promise<APIRequestContext> {
  const ctx = await browser.newContext({ baseURL });
  const page = await ctx.newPage();
  await login(page, 'admin');
  const res = await page.request.post('/api/tokens', { data: { name: `review-e2e-${Date.now()}`, role: 'admin' } });
  expect(res.status()).toBe(201);
  const { token } = await res.json();
  await ctx.close();
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

test.beforeAll(async ({ browser }, info) => {
  const baseURL = String(info.project.use.baseURL);
  admin = await adminApi(browser, baseURL);
  // Recent timestamps: the API refuses the future, and the queue only holds what was scored.
  const rows = generateTransactions({ cards: 80, days: 2, start: Date.now() - 3 * 86_400_000, fraudRate: 0.1, seed: 4242 });
  for (let i = 0; i < rows.length; i += 1000) {
    const res = await admin.post('/api/transactions', { data: { transactions: rows.slice(i, i + 1000) } });
    expect(res.ok(), await res.text()).toBe(true);
  }
  const queue = await (await admin.get('/api/review/queue?limit=1')).json();
  expect(queue.total).toBeGreaterThan(5);
});

test.afterAll(async () => {
  await admin?.dispose();
});

const queueCount = async (page: Page) => Number((await page.getByTestId('queue-count').innerText()).replace(/\D/g, ''));
const rowAt = (page: Page, i: number) => page.getByTestId('queue-row').nth(i);

test('an analyst works the queue with the keyboard', async ({ page }) => {
  await login(page, 'analyst');
  await page.getByTestId('nav-review').click();
  await expect(page.getByTestId('page-title')).toHaveText('Review queue');
  const start = await queueCount(page);
  await expect(rowAt(page, 0)).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('j');
  await expect(rowAt(page, 1)).toHaveAttribute('aria-selected', 'true');
  await expect(rowAt(page, 0)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(rowAt(page, 1)).toHaveAttribute('aria-selected', 'true');

  const fraudId = await rowAt(page, 1).getAttribute('data-id');
  await page.keyboard.press('f');
  await expect(page.getByTestId('queue-count')).toHaveText(String(start - 1));
  await expect(page.locator(`[data-testid="queue-row"][data-id="${fraudId}"]`)).toHaveCount(0);
  // The next item slides into the selected slot.
  await expect(rowAt(page, 1)).toHaveAttribute('aria-selected', 'true');

  const legitId = await rowAt(page, 1).getAttribute('data-id');
  await page.keyboard.press('l');
  await expect(page.getByTestId('queue-count')).toHaveText(String(start - 2));

  await page.keyboard.press('u');
  await expect(page.getByTestId('queue-count')).toHaveText(String(start - 1));
  await expect(page.locator(`[data-testid="queue-row"][data-id="${legitId}"]`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('label-info')).toContainText('Label removed');

  // The server agrees: one fraud label stays, the legit one was undone.
  await expect.poll(async () => (await (await admin.get(`/api/transactions/${fraudId}`)).json()).label).toBe('fraud');
  await expect.poll(async () => (await (await admin.get(`/api/transactions/${legitId}`)).json()).label).toBeNull();

  // The label survives a reload, and the queue stays one shorter.
  await page.reload();
  await expect(page.getByTestId('queue-count')).toHaveText(String(start - 1));

  // Bulk: tick two rows with x and label them legit. Keys pressed before hydration are lost: retry the first tick.
  await expect(async () => {
    await page.keyboard.press('x');
    await expect(rowAt(page, 0).getByTestId('row-check')).toBeChecked({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(rowAt(page, 1).getByTestId('row-check')).toBeChecked();
  await page.getByTestId('bulk-legit').click();
  await expect(page.getByTestId('queue-count')).toHaveText(String(start - 3));
  await expect(page.getByTestId('label-info')).toContainText('2 item(s) labelled legit');
});

test('a stale label meets a conflict message, in the queue and on the detail page', async ({ page }) => {
  await login(page, 'analyst');
  // Client-side navigation: the keyboard handler is live as soon as the rows show.
  await page.getByTestId('nav-review').click();
  const id = await rowAt(page, 0).getAttribute('data-id');
  const labelled = page.waitForResponse((r) => r.url().includes(`/api/transactions/${id}/label`));
  await page.keyboard.press('f');
  expect((await labelled).status()).toBe(200);

  // Someone else changes the same item meanwhile.
  const item = await (await admin.get(`/api/transactions/${id}`)).json();
  const other = await admin.post(`/api/transactions/${id}/label`, { data: { label: 'legit', expectedVersion: item.version } });
  expect(other.status()).toBe(200);

  // Undo in the stale page carries the old version → 409 with the server's explanation.
  await page.keyboard.press('u');
  await expect(page.getByTestId('label-conflict')).toContainText('labelled it legit');
  expect((await (await admin.get(`/api/transactions/${id}`)).json()).label).toBe('legit');

  // The detail page: load it, let someone else label it, then label from the stale page.
  await page.getByTestId('nav-review').click();
  await expect(page.getByTestId('page-title')).toHaveText('Review queue');
  const next = await rowAt(page, 0).getAttribute('data-id');
  await rowAt(page, 0).click();
  await expect(page).toHaveURL(new RegExp(`/review/${next}$`));
  await expect(page.getByTestId('detail-reasons')).toBeVisible();
  await expect(page.getByTestId('payload')).toContainText('trans_num');
  const fresh = await (await admin.get(`/api/transactions/${next}`)).json();
  await admin.post(`/api/transactions/${next}/label`, { data: { label: 'fraud', expectedVersion: fresh.version } });
  await page.getByTestId('detail-legit').click();
  await expect(page.getByTestId('label-conflict')).toContainText('labelled it fraud');
});

test('the score tester explains an address; a viewer can test but not save', async ({ page, browser }, info) => {
  await login(page, 'analyst');
  await page.getByTestId('nav-score').click();
  await expect(page.getByTestId('page-title')).toHaveText('Score tester');
  const input = page.getByTestId('score-email-input');
  await input.fill('xq7zk93vw@liamg.moc');
  await expect(page.getByTestId('score-subject')).toHaveText('xq7zk93vw@liamg.moc');
  await expect(page.getByTestId('score-band')).toHaveText(/^(review|block)$/);
  await expect(page.getByTestId('score-reasons').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('score-model')).toContainText('production');
  await expect(page.getByTestId('score-save')).toBeVisible();

  await input.fill('jane.doe@gmail.com');
  await expect(page.getByTestId('score-subject')).toHaveText('jane.doe@gmail.com');
  await expect(page.getByTestId('score-band')).toHaveText(/^(allow|review|block)$/);
  await expect(page.getByTestId('score-reasons')).toBeVisible();

  const viewerCtx = await browser.newContext({ baseURL: String(info.project.use.baseURL) });
  const viewer = await viewerCtx.newPage();
  await login(viewer, 'viewer');
  await viewer.getByTestId('nav-score').click();
  await viewer.getByTestId('score-email-input').fill('xq7zk93vw@liamg.moc');
  await expect(viewer.getByTestId('score-band')).toHaveText(/^(allow|review|block)$/);
  await expect(viewer.getByTestId('score-reasons')).toBeVisible();
  await expect(viewer.getByTestId('score-save')).toHaveCount(0);
  await viewerCtx.close();
});

test('card payments filter by decision on the Events page and export the filtered CSV, card numbers masked', async ({ page }) => {
  await login(page, 'analyst');
  // Old links to the transactions page land on the card payments' Events page, with the shared filters.
  await page.goto('/transactions?decision=block');
  await expect(page).toHaveURL(/\/events\?type=card_transaction&decision=block/);
  await expect(page.getByTestId('filter-decision')).toHaveValue('block');
  await page.getByTestId('nav-events').click();
  await expect(page).toHaveURL(/\/events$/);
  await page.goto('/events?type=card_transaction');
  await expect(page.getByTestId('filter-type')).toHaveValue('card_transaction');
  await expect(page.getByTestId('event-row').first()).toBeVisible();
  await page.getByTestId('filter-decision').selectOption('block');
  await expect(page).toHaveURL(/decision=block/);
  await expect(page.getByTestId('event-row').first()).toBeVisible();
  const decisions = await page.getByTestId('event-decision').allInnerTexts();
  expect(decisions.length).toBeGreaterThan(0);
  expect(new Set(decisions)).toEqual(new Set(['block']));

  // The filters round-trip through the URL.
  await page.reload();
  await expect(page.getByTestId('filter-decision')).toHaveValue('block');

  const download = page.waitForEvent('download');
  await page.getByTestId('events-export').click();
  const text = fs.readFileSync(await (await download).path(), 'utf8');
  const records = parse(text, { columns: true }) as Record<string, string>[];
  // Every block of the type, as the paged API lists them.
  let listed = 0;
  for (let cursor = ''; ;) {
    const body = await (await page.request.get(`/api/events?type=card_transaction&decision=block&limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json();
    listed += body.items.length;
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  expect(records.length).toBe(listed);
  expect(records.every((r) => r.decision === 'block')).toBe(true);
  expect(records.every((r) => /^\*+\d{4}$/.test(r.cc_num))).toBe(true);

  // A hand-edited bad filter is dropped with a note; the valid ones still apply; the APIs answer 400, not 500.
  await page.goto('/events?type=card_transaction&decision=block&minAmount=lots');
  await expect(page.getByTestId('filters-dropped')).toContainText('minAmount');
  await expect(page.getByTestId('filter-decision')).toHaveValue('block');
  expect((await page.request.get('/api/transactions/search?decision=maybe')).status()).toBe(400);
  expect((await page.request.get('/api/transactions/export?limit=-1')).status()).toBe(400);
});
