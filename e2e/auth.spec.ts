import { expect, test } from '@playwright/test';
import { login, PASSWORD, USERS } from './helpers';

test.describe('signing in', () => {
  for (const role of Object.keys(USERS) as (keyof typeof USERS)[]) {
    test(`${role} signs in and sees only what the role allows`, async ({ page }) => {
      await login(page, role);
      await expect(page.getByTestId('stat-worker')).toContainText('running');
      await expect(page.getByTestId('nav-settings-tokens')).toHaveCount(role === 'admin' ? 1 : 0);
      await expect(page.getByTestId('nav-datasets')).toBeVisible();
    });
  }

  test('a wrong password is refused with a message', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(USERS.viewer);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toHaveText('Wrong email or password.');
    await expect(page).toHaveURL(/\/login/);
  });

  test('pages redirect to the login when signed out, and come back after it', async ({ page }) => {
    await page.goto('/datasets');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdatasets/);
    await page.getByLabel('Email').fill(USERS.engineer);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('page-title')).toHaveText('Datasets');
    await expect(page.getByTestId('datasets-table')).toContainText('demo-transactions');
  });

  test('sign out ends the session', async ({ page }) => {
    await login(page, 'analyst');
    await page.getByTestId('logout').click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    expect((await page.request.get('/api/me')).status()).toBe(401);
  });
});

test('a role without the permission gets the forbidden page', async ({ page }) => {
  await login(page, 'analyst');
  await page.goto('/settings/tokens');
  await expect(page.getByTestId('forbidden')).toContainText('analyst');
  await expect(page.getByTestId('token-form')).toHaveCount(0);
});
