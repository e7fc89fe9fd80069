// A generated or admin-reset password must be replaced before anything else: pages go to /account,
// API calls made with that session are refused (API tokens are unaffected).
import { redirect } from 'next/navigation';
import { ApiError } from '../platform/http';

export const passwordChangeRequired = () =>
  new ApiError(403, 'password_change_required', 'Change your password on the Account page (/account) before doing anything else.');

/** Pages call this through sessionPrincipal; the account page and the app layout read the session without it. */
export function sendToPasswordChange(): never {
  redirect('/account?required=1');
}
