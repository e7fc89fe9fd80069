// The engineer's event type journey: define a type in the editor (meeting the API's field errors), send events of
// it, find them on the Events page with the sensitive field masked, open one, and edit the type to a version 2.
import { expect, test } from '@playwright/test';
import { login, startEventTypeFromCsv, writeOrdersCsv } from './helpers';

test('an engineer defines an event type, ingests events of it and reads them on the Events page', async ({ page }) => {
  const name = `e2e_orders_${Date.now().toString(36)}`;
  const card = '4111111111111111';

  await login(page, 'engineer');
  await page.getByTestId('nav-event-types').click();
  await expect(page.getByTestId('page-title')).toHaveText('Event types');
  // The built-in presets are listed.
  await expect(page.getByTestId('event-type-card_transaction')).toBeVisible();
  await page.getByTestId('event-type-new').click();
  await expect(page.getByTestId('page-title')).toHaveText('New event type');

  // A blank type starts with an id and a time field; add a buyer key, a sensitive card and a price.
  await page.getByTestId('def-name').fill(name);
  await page.getByTestId('def-label').fill('E2E order');
  await page.getByTestId('add-field').click();
  await page.getByTestId('field-name-2').fill('buyer');
  await page.getByTestId('field-type-2').selectOption('id');
  await page.getByTestId('field-entity-2').fill('buyer');
  await page.getByTestId('add-field').click();
  await page.getByTestId('field-name-3').fill('card');
  await page.getByTestId('field-type-3').selectOption('id');
  await page.getByTestId('field-sensitive-3').check();
  await page.getByTestId('add-field').click();
  await page.getByTestId('field-name-4').fill('price');
  await page.getByTestId('field-type-4').selectOption('number');
  await page.getByTestId('def-amountField').selectOption('price');

  // A sum without a field: the API's 400 names the aggregate, and the editor shows it on that row.
  await page.getByTestId('add-aggregate').click();
  await page.getByTestId('agg-entity-0').selectOption('buyer');
  await page.getByTestId('agg-fn-0').selectOption('sum');
  await page.getByTestId('agg-window-0').selectOption('24h');
  await page.getByTestId('definition-save').click();
  await expect(page.getByTestId('error-aggregates.0')).toContainText('sum needs a number field');
  await page.getByTestId('agg-field-0').selectOption('price');
  await page.getByTestId('definition-save').click();

  await expect(page).toHaveURL(new RegExp(`/event-types/${name}$`));
  await expect(page.getByTestId('page-title')).toContainText(name);
  await expect(page.getByTestId('version-1')).toBeVisible();
  await expect(page.getByTestId('aggregate-preview')).toContainText('buyer.sum_price_24h');

  // Three events through the API with the engineer's session (no model yet: stored unscored).
  const now = Date.now();
  const events = [1, 2, 3].map((i) => ({ event_id: `${name}-e${i}`, event_time: new Date(now - (4 - i) * 60_000).toISOString(), buyer: 'b-1', card, price: 10 * i }));
  const res = await page.request.post(`/api/events/${name}`, { data: { events } });
  expect(res.status(), await res.text()).toBe(201);

  await page.goto(`/events?type=${name}`);
  await expect(page.getByTestId('page-title')).toHaveText('Events');
  await expect(page.getByTestId('event-row')).toHaveCount(3);
  await expect(page.getByTestId('events-table')).toContainText('1111');
  await expect(page.getByTestId('events-table')).not.toContainText(card);
  await expect(page.getByTestId('events-export')).toHaveAttribute('href', new RegExp(`type=${name}`));
  // Filters live in the URL: an id prefix narrows to one event.
  await page.getByTestId('filter-q').fill(`${name}-e2`);
  await page.getByTestId('filter-apply').click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByTestId('event-row')).toHaveCount(1);
  await page.goto(`/events?type=${name}`);

  // Newest first: the third event heads the list; its page has the fields and the buyer's panel.
  await page.getByTestId('event-link').first().click();
  await expect(page.getByTestId('page-title')).toContainText(`${name}-e3`);
  await expect(page.getByTestId('event-fields')).toContainText('30');
  await expect(page.getByTestId('event-fields')).not.toContainText(card);
  await expect(page.getByTestId('entity-panel-buyer')).toBeVisible();
  await expect(page.getByTestId('entity-panel-buyer').getByTestId('entity-event')).toHaveCount(3);
  await expect(page.getByTestId('event-aggregates')).toContainText('buyer.sum_price_24h');
  await expect(page.getByTestId('event-model')).toHaveText('not scored by a model');

  // An edit is a new version, and the history says what changed.
  await page.goto(`/event-types/${name}`);
  await page.getByTestId('def-label').fill('E2E web order');
  await page.getByTestId('definition-save').click();
  await expect(page.getByTestId('version-2')).toBeVisible();
  await expect(page.getByTestId('version-2')).toContainText("label 'E2E order' → 'E2E web order'");
});

test('the dataset import wizard creates an event type from the picked CSV, then imports the file as that type', async ({ page }) => {
  const name = `e2e_shop_${Date.now().toString(36)}`;
  const file = writeOrdersCsv(name, { start: Date.now() - 10 * 86_400_000, count: 120, gapMs: 3_600_000, customers: 15, price: (i) => 10 + ((i * 7) % 90) });

  await login(page, 'engineer');
  // The suggestion fills the editor: name from the file, id/time/amount fields, the label left out.
  await startEventTypeFromCsv(page, file, name);
  await expect(page.getByTestId('def-idField')).toHaveValue('order_id');
  await expect(page.getByTestId('def-timeField')).toHaveValue('created_at');
  await expect(page.getByTestId('def-amountField')).toHaveValue('order_price');
  await expect(page.getByTestId('infer-notes')).toContainText('is_fraud');
  await page.getByTestId('definition-save').click();

  await expect(page.getByTestId('csv-created')).toContainText(name);
  await expect(page.getByTestId('csv-label')).toHaveValue('is_fraud');
  await page.getByTestId('csv-import').click();
  await expect(page).toHaveURL(/\/datasets\/versions\/[\w-]+$/);
  await expect(page.getByTestId('page-title')).toContainText(name);

  // The type is listed, with its definition as inferred.
  await page.goto('/event-types');
  await expect(page.getByTestId(`event-type-${name}`)).toBeVisible();
});
