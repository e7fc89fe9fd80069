// A generated or admin-reset password must be replaced before anything else: pages go to /account,
// API calls made with that session are refused (API tokens are unaffected).
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { ApiError } from '../http';

export const ACCOUNT_PATH = '/account';

export const passwordChangeRequired = () =>
  new ApiError(403, 'password_change_required', 'Change your password on the Account page (/account) before doing anything else.');

/** Redirects every page but the account page itself. */
export async function sendToPasswordChange(): Promise<void> {
  const path = (await headers()).get('x-vigil-path') ?? '/';
  if (path === ACCOUNT_PATH || path.startsWith(`${ACCOUNT_PATH}?`)) return;
  redirect(`${ACCOUNT_PATH}?required=1`);
}
