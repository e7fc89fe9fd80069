// Page guards: people without a session go to the login page; a missing scope renders "forbidden".
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { sessionPrincipal } from './auth';
import type { Principal } from './principal';
import { can, type Scope } from './rbac';

export async function requireSession(): Promise<Principal> {
  const who = await sessionPrincipal();
  if (!who) {
    const path = (await headers()).get('x-vigil-path') ?? '/';
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  return who;
}

export async function pageAccess(scope: Scope): Promise<{ who: Principal; allowed: boolean }> {
  const who = await requireSession();
  return { who, allowed: can(who.role, scope) };
}
