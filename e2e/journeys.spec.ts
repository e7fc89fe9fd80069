// The journeys of issue 11 on a fresh `npm start` of the live demo, with its default two weeks of traffic (the
// shared e2e instance starts without it so other specs count only their own items): the analyst's first screen,
// the engineer's CSV → event type → model → production → tester → Events page, a quiet drift page, and a
// screenshot of each main page attached to the report.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { login, startEventTypeFromCsv, writeOrdersCsv } from './helpers';
import { startVigil, stopVigil, type VigilServer } from './vigil-server';

const PORT = process.env.E2E_DEMO_PORT ?? '3211';
const BASE = `http://127.0.0.1:${PORT}`;
let server: VigilServer | null = null;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });

test.beforeAll(async () => {
  test.setTimeout(300_000); // migrate, seed the demo and its 14 days of traffic, start web and worker
  server = await startVigil({ port: PORT, env: {}, timeoutMs: 280_000 });
});

test.afterAll(() => stopVigil(server?.child.pid));

async function attachScreen(page: Page, info: TestInfo, name: string) {
  await page.mouse.move(0, 0); // no hover tooltip
  await page.waitForTimeout(1_600); // recharts draws its lines in a 1.5 s animation
  await info.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

const count = async (page: Page, testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/\D/g, ''));

test('an analyst’s first screen: a non-empty queue and a 14-day chart', async ({ page }, info) => {
  await login(page, 'analyst');
  await expect(page.getByTestId('stat-volume')).not.toContainText(/^0\b/);
  expect(await count(page, 'stat-queue')).toBeGreaterThan(0);
  // One stacked bar per day: the "allowed" series has 14 rectangles.
  const allowed = page.getByTestId('volume-chart').locator('.recharts-bar').first().locator('.recharts-bar-rectangle');
  await expect(allowed).toHaveCount(14);
  await attachScreen(page, info, 'overview (analyst)');

  await page.getByTestId('nav-review').click();
  await expect(page.getByTestId('page-title')).toHaveText('Review queue');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  expect(await count(page, 'queue-count')).toBeGreaterThan(0);
  await attachScreen(page, info, 'review queue (analyst)');
});

test('an engineer creates an event type from a CSV, trains, promotes, scores one in the tester and finds it on Events', async ({ page }, info) => {
  test.setTimeout(300_000);
  const name = `journey_orders_${Date.now().toString(36)}`;
  const price = (i: number, fraud: boolean) => (fraud ? 400 + ((i * 13) % 300) : 10 + ((i * 7) % 90));
  const file = writeOrdersCsv(name, { start: Date.now() - 20 * 86_400_000, count: 600, gapMs: 2_400_000, customers: 40, price });

  await login(page, 'engineer');
  // The import wizard: create the type from the picked file, then import the file as that type.
  await startEventTypeFromCsv(page, file, name);
  await attachScreen(page, info, 'import wizard: event type from CSV');
  await page.getByTestId('definition-save').click();
  await expect(page.getByTestId('csv-created')).toContainText(name);
  await expect(page.getByTestId('csv-label')).toHaveValue('is_fraud');
  await page.getByTestId('csv-import').click();
  await expect(page).toHaveURL(/\/datasets\/versions\/[\w-]+$/);
  await expect(page.getByTestId('version-rows')).toHaveText('600');

  // Train on it from the version page, and promote the new version.
  await page.getByTestId('train-this-version').click();
  await expect(page.getByTestId('page-title')).toHaveText('Train a model');
  await page.getByTestId('model-name').fill(`${name}-model`);
  await page.getByTestId('param-rounds').fill('20');
  await page.getByTestId('train-submit').click();
  await expect(page).toHaveURL(/\/jobs\/[\w-]+$/);
  await expect(page.getByTestId('job-status')).toHaveText('succeeded', { timeout: 180_000 });
  await page.getByTestId('job-version-link').click();
  await expect(page.getByTestId('page-title')).toContainText(`${name}-model`);
  await page.getByTestId('promote-button').click();
  await page.getByTestId('note-input').fill('journey: first model of the type');
  await page.getByTestId('note-confirm').click();
  await expect(page.getByTestId('version-stage')).toHaveText('production');

  // The tester's form is generated from the type's fields; store the scored event as live traffic.
  await page.waitForTimeout(1_500); // the serving pointer is re-read at most once a second
  await page.goto('/score');
  await page.getByTestId('event-type-picker').selectOption(name);
  const orderId = `journey-order-${Date.now().toString(36)}`;
  await page.getByTestId('ev-order_id').fill(orderId);
  await page.getByTestId('ev-created_at').fill(new Date(Date.now() - 60_000).toISOString().slice(0, 19));
  await page.getByTestId('ev-customer_id').fill('c-journey');
  await page.getByTestId('ev-email').fill('journey@shop.test');
  await page.getByTestId('ev-order_price').fill('650');
  await page.getByTestId('event-store').check();
  await page.getByTestId('event-submit').click();
  const result = page.getByTestId('event-tester').getByTestId('score-result');
  await expect(result).toBeVisible();
  await expect(result.getByTestId('score-subject')).toHaveText(orderId);
  await expect(result.getByTestId('score-model')).toContainText(`${name}-model`);
  await expect(page.getByTestId('event-stored')).toContainText('Stored');
  await attachScreen(page, info, 'event tester: scored and stored');

  await page.goto(`/events?type=${name}`);
  await expect(page.getByTestId('page-title')).toHaveText('Events');
  const row = page.getByTestId('event-row').filter({ hasText: orderId });
  await expect(row).toHaveCount(1);
  await attachScreen(page, info, 'events: the stored event');
  await row.getByTestId('event-link').click();
  await expect(page.getByTestId('page-title')).toContainText(orderId);
  await expect(page.getByTestId('event-model')).toContainText(`${name}-model`);
});

test('screenshots of the main pages of the demo', async ({ page }, info) => {
  test.setTimeout(180_000);
  await login(page, 'admin');
  const { models } = await (await page.request.get('/api/models')).json() as { models: { kind: string; versions: { id: string; stage: string }[] }[] };
  const cardVersions = models.filter((m) => m.kind === 'transaction').flatMap((m) => m.versions).filter((v) => v.stage === 'production' || v.stage === 'shadow');
  expect(cardVersions.length).toBeGreaterThanOrEqual(2);
  const pages: [string, string, string][] = [
    ['overview', '/', 'Overview'],
    ['review queue', '/review', 'Review queue'],
    ['events', '/events', 'Events'],
    ['event types', '/event-types', 'Event types'],
    ['models', '/models', 'Models'],
    ['compare', `/models/compare?ids=${cardVersions[0].id},${cardVersions[1].id}`, ''],
    ['version', `/models/versions/${cardVersions[0].id}`, ''],
    ['datasets', '/datasets', 'Datasets'],
    ['drift', '/drift', 'Drift'],
    ['performance', '/monitoring', 'Labelled performance'],
    ['score', '/score', 'Score tester'],
  ];
  for (const [label, url, title] of pages) {
    const res = await page.goto(url);
    expect(res?.status(), `${label} ${url}`).toBe(200);
    if (title) await expect(page.getByTestId('page-title')).toHaveText(title);
    else await expect(page.getByTestId('page-title')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await attachScreen(page, info, label);
  }
});

// The demo is seeded at whatever hour the run starts: tests/integration/demo-drift-hours.test.ts covers the
// clocks this run does not (the current day at 06:00 holds only the night's payments).
test('the demo’s drift page shows no alert', async ({ page }, info) => {
  await login(page, 'engineer');
  await page.getByTestId('nav-drift').click();
  await expect(page.getByTestId('page-title')).toHaveText('Drift');
  for (const type of ['card_transaction', 'email', 'registration']) {
    await page.getByTestId(`scope-${type}`).click();
    await expect(page).toHaveURL(new RegExp(`type=${type}`));
    await expect(page.getByTestId('drift-loading')).toHaveCount(0);
    const view = `drift of ${type}`;
    await expect(page.getByTestId('drift-status'), view).not.toHaveText('alert');
    await expect(page.locator('[data-testid^="drift-window-"][data-status="alert"]'), view).toHaveCount(0);
    // Nor in the history: no day of the two weeks is an alert point on the score PSI chart.
    await expect(page.locator('[data-testid="score-psi-chart"] circle[data-status="alert"]'), view).toHaveCount(0);
    await attachScreen(page, info, `drift (${type})`);
  }
  const alerts = await (await page.request.get('/api/alerts?type=drift')).json();
  expect(alerts.items.map((a: { title: string }) => a.title)).toEqual([]);
});
