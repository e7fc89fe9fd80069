// Pages that need more than the read permissions every role has. The app layout checks this before the page
// streams, so a direct request for a page the role may not open is answered with HTTP 403 (the page itself
// still checks its scope, for client-side navigation).
import type { Scope } from './rbac';

const PAGE_SCOPES: [prefix: string, scope: Scope][] = [
  ['/settings/users', 'users:manage'],
  ['/settings/tokens', 'tokens:manage'],
  ['/settings/webhooks', 'webhooks:manage'],
  ['/audit', 'audit:read'],
  ['/train', 'models:train'],
  ['/datasets/import', 'datasets:write'],
];

export function scopeForPath(pathWithQuery: string): Scope | null {
  const path = pathWithQuery.split(/[?#]/)[0];
  return PAGE_SCOPES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))?.[1] ?? null;
}
