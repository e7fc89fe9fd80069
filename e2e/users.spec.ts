import { expect, test, type Browser, type Page } from '@playwright/test';
import { login } from './helpers';

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@example.com`;

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByTestId('login-submit').click();
}

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test('an admin creates a user, who signs in with the temporary password, must change it, then reaches the overview', async ({ page, browser }) => {
  const email = unique('nia');
  await login(page, 'admin');
  await expect(page.getByTestId('demo-banner')).toContainText('Demo mode');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-users').click();
  await expect(page.getByTestId('page-title')).toHaveText('Users');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Name', { exact: true }).fill('Nia New');
  await page.getByLabel('Role', { exact: true }).selectOption('analyst');
  await page.getByTestId('user-create').click();
  const temporary = (await page.getByTestId('temp-password').textContent())!.trim();
  expect(temporary).toMatch(/^[\w-]{16}$/);
  await expect(page.getByTestId(`user-row-${email}`)).toContainText('must change password');

  const user = await newPage(browser);
  await signIn(user, email, temporary);
  await expect(user).toHaveURL(/\/account\?required=1/);
  await expect(user.getByTestId('password-required')).toBeVisible();
  // Any other page sends them back; the API refuses that session until the password is changed.
  await user.goto('/review');
  await expect(user).toHaveURL(/\/account\?required=1/);
  const api = await user.request.get('/api/me');
  expect(api.status()).toBe(403);
  expect(await api.json()).toMatchObject({ error: { code: 'password_change_required' } });

  await user.getByLabel('Current password', { exact: true }).fill(temporary);
  await user.getByLabel('New password', { exact: true }).fill('short');
  await user.getByLabel('Repeat the new password').fill('short');
  await user.getByTestId('password-submit').click();
  await expect(user.getByTestId('error-newPassword')).toHaveText('Use at least 10 characters.');
  await user.getByLabel('New password', { exact: true }).fill('nia-chose-this-1');
  await user.getByLabel('Repeat the new password').fill('nia-chose-this-1');
  await user.getByTestId('password-submit').click();
  await expect(user.getByTestId('page-title')).toHaveText('Overview');
  await expect(user.getByTestId('role')).toHaveText('analyst');
  expect((await user.request.get('/api/me')).status()).toBe(200);

  // The change is in the audit log, which the admin can filter and export.
  await page.goto(`/audit?action=user.password.change&actor=${encodeURIComponent(email)}`);
  await expect(page.getByTestId('audit-table')).toContainText(email);
  const csv = await page.request.get(`/api/audit/export?actor=${encodeURIComponent(email)}`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('user.password.change');
});

test('an admin disables a user and their open session is refused on the next request', async ({ page, browser, baseURL }) => {
  const email = unique('dan');
  await login(page, 'admin');
  const created = await page.request.post('/api/users', { data: { email, name: 'Dan Doomed', role: 'viewer', password: 'dan-password-1' }, headers: { origin: baseURL! } });
  expect(created.status()).toBe(201);

  const user = await newPage(browser);
  await signIn(user, email, 'dan-password-1');
  await expect(user.getByTestId('page-title')).toHaveText('Overview');

  await page.goto('/settings/users');
  await page.getByTestId(`disable-${email}`).click();
  await expect(page.getByTestId('confirm-dialog')).toContainText(`Disable ${email}?`);
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId(`user-row-${email}`)).toContainText('disabled');

  expect((await user.request.get('/api/me')).status()).toBe(401);
  await user.reload();
  await expect(user).toHaveURL(/\/login/);
});

test('pages a role may not open answer 403; unknown pages 404 with a way back; the favicon exists', async ({ page }) => {
  await login(page, 'analyst');
  const denied = await page.goto('/settings/users');
  expect(denied?.status()).toBe(403);
  await expect(page.getByTestId('forbidden')).toContainText('Your role (analyst) cannot manage users.');
  const missing = await page.goto('/no-such-page');
  expect(missing?.status()).toBe(404);
  await page.getByTestId('not-found-home').click();
  await expect(page.getByTestId('page-title')).toHaveText('Overview');
  expect((await page.request.get('/favicon.ico')).status()).toBe(200);
  await page.goto('/account');
  await expect(page.getByTestId('account-role')).toHaveText('analyst');
});
