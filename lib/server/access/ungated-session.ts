// The signed-in person without the password-change redirect: for the app layout (every page redirects on its
// own, so the account page stays reachable) and for the account page itself.
import { sessionUser } from './auth';
import { requireSession } from './pages';
import type { Principal } from './principal';

export async function ungatedPrincipal(): Promise<Principal> {
  const user = await sessionUser();
  return user ? user.principal : requireSession(); // no session: requireSession sends them to the login page
}
