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
