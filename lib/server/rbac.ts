// The one permission table. Every route handler and page asks `can(role, scope)`.
import type { Role } from '@/lib/schemas/common';

export type Scope =
  | 'overview:read'
  | 'score:test'
  | 'score:save'
  | 'transactions:read'
  | 'transactions:ingest'
  | 'review:label'
  | 'alerts:read'
  | 'alerts:ack'
  | 'models:read'
  | 'models:train'
  | 'models:promote'
  | 'datasets:read'
  | 'datasets:write'
  | 'thresholds:write'
  | 'webhooks:manage'
  | 'tokens:manage'
  | 'users:manage'
  | 'jobs:read'
  | 'jobs:write';

const READ: Scope[] = ['overview:read', 'score:test', 'transactions:read', 'alerts:read', 'models:read', 'datasets:read', 'jobs:read'];

export const PERMISSIONS: Record<Role, ReadonlySet<Scope>> = {
  viewer: new Set(READ),
  analyst: new Set<Scope>([...READ, 'score:save', 'review:label', 'alerts:ack', 'transactions:ingest']),
  engineer: new Set<Scope>([
    ...READ, 'score:save', 'alerts:ack', 'transactions:ingest',
    'models:train', 'models:promote', 'datasets:write', 'thresholds:write', 'webhooks:manage', 'jobs:write',
  ]),
  admin: new Set<Scope>([
    ...READ, 'score:save', 'review:label', 'alerts:ack', 'transactions:ingest',
    'models:train', 'models:promote', 'datasets:write', 'thresholds:write', 'webhooks:manage', 'jobs:write',
    'tokens:manage', 'users:manage',
  ]),
};

export function can(role: Role, scope: Scope): boolean {
  return PERMISSIONS[role]?.has(scope) ?? false;
}
