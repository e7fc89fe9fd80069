// Demo mode: the shared demo accounts (public password) work only here. It is on with VIGIL_DEMO=1, off with
// VIGIL_DEMO=0, and when unset only for a server whose public URL is a loopback address (a laptop).
import ipaddr from 'ipaddr.js';
import { envNow } from '../platform/env';

export function isLoopbackUrl(url: string | undefined): boolean {
  if (!url) return true; // no public URL configured: a local development server
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (!ipaddr.isValid(host)) return false;
  return ipaddr.process(host).range() === 'loopback';
}

export function demoModeFor(vars: { VIGIL_DEMO?: '0' | '1'; NEXTAUTH_URL?: string }): boolean {
  if (vars.VIGIL_DEMO) return vars.VIGIL_DEMO === '1';
  return isLoopbackUrl(vars.NEXTAUTH_URL);
}

/** Read live rather than cached, so an operator's change (and a test's) applies without a restart of the module. */
export const demoMode = () => demoModeFor({ VIGIL_DEMO: envNow('VIGIL_DEMO'), NEXTAUTH_URL: envNow('NEXTAUTH_URL') });
