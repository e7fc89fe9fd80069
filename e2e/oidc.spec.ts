// Single sign-on end to end against the real OpenID Provider that global-setup starts (e2e/oidc-provider.ts).
import { expect, test, type Page } from '@playwright/test';
import { OIDC_PEOPLE } from './oidc-provider';

/** At the provider's own pages: any password works for a login in its directory; then consent. */
async function signInAtProvider(page: Page, login: keyof typeof OIDC_PEOPLE) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test.describe('single sign-on', () => {
  test('a person in fraud-analysts lands as a new analyst, back on the page they asked for, and is the same user next time', async ({ page }) => {
    const person = OIDC_PEOPLE['oscar.analyst'];
    await page.goto('/datasets');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdatasets/);
    await expect(page.getByTestId('sso-button')).toHaveText('Sign in with Test IdP');
    await page.getByTestId('sso-button').click();

    await expect(page).not.toHaveURL(/127\.0\.0\.1:3210/); // at the identity provider
    await signInAtProvider(page, 'oscar.analyst');

    await expect(page.getByTestId('page-title')).toHaveText('Datasets');
    await expect(page.getByTestId('role')).toHaveText('analyst');
    const me = await (await page.request.get('/api/me')).json();
    expect(me).toMatchObject({ kind: 'user', role: 'analyst', email: person.email, name: person.name });

    await page.getByTestId('logout').click();
    await expect(page).toHaveURL(/\/login/);
    expect((await page.request.get('/api/me')).status()).toBe(401);

    // The provider remembers the person and the consent: straight back in, matched by subject.
    await page.getByTestId('sso-button').click();
    await expect(page.getByTestId('page-title')).toHaveText('Overview');
    expect(await (await page.request.get('/api/me')).json()).toMatchObject({ id: me.id, role: 'analyst' });
  });

  test('a person whose groups map to no role is refused with a reason and no session', async ({ page }) => {
    await page.goto('/login');
    await page.getByTestId('sso-button').click();
    await signInAtProvider(page, 'mia.marketing');

    await expect(page).toHaveURL(/\/login\?error=sso_no_role/);
    await expect(page.getByTestId('sso-error')).toContainText('give you no role in Vigil');
    expect((await page.request.get('/api/me')).status()).toBe(401);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });
});
