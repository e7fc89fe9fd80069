import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'vigil-demo';
export const USERS = {
  admin: 'admin@vigil.local',
  engineer: 'engineer@vigil.local',
  analyst: 'analyst@vigil.local',
  viewer: 'viewer@vigil.local',
} as const;

export async function login(page: Page, role: keyof typeof USERS) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(USERS[role]);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('page-title')).toHaveText('Overview');
  await expect(page.getByTestId('role')).toHaveText(role);
}

/** A CSV of orders in a shape no preset has (every tenth row fraud, `gapMs` apart from `start`), in a temp dir. */
export function writeOrdersCsv(name: string, rows: { start: number; count: number; gapMs: number; customers: number; price: (i: number, fraud: boolean) => number }): string {
  const lines = ['order_id,created_at,customer_id,email,order_price,is_fraud'];
  for (let i = 0; i < rows.count; i++) {
    const fraud = i % 10 === 0, c = i % rows.customers;
    lines.push(`o-${i},${new Date(rows.start + i * rows.gapMs).toISOString()},c${c},user${c}@shop.test,${rows.price(i, fraud).toFixed(2)},${fraud ? 1 : 0}`);
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-orders-')), `${name}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The import wizard hands the picked CSV to "Create an event type from this CSV"; the editor opens prefilled. */
export async function startEventTypeFromCsv(page: Page, file: string, name: string) {
  await page.goto('/datasets/import');
  await page.getByTestId('csv-file').setInputFiles(file);
  await page.getByTestId('create-event-type-from-csv').click();
  await page.getByTestId('type-csv-suggest-file').click();
  await expect(page.getByTestId('def-name')).toHaveValue(name);
}
