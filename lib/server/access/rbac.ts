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
  | 'audit:read'
  | 'jobs:read'
  | 'jobs:write'
  | 'deadletters:read'
  | 'eventtypes:read'
  | 'eventtypes:write';

const READ: Scope[] = ['overview:read', 'score:test', 'transactions:read', 'alerts:read', 'models:read', 'datasets:read', 'jobs:read', 'eventtypes:read'];

export const PERMISSIONS: Record<Role, ReadonlySet<Scope>> = {
  viewer: new Set(READ),
  analyst: new Set<Scope>([...READ, 'score:save', 'review:label', 'alerts:ack', 'transactions:ingest']),
  engineer: new Set<Scope>([
    ...READ, 'score:save', 'alerts:ack', 'transactions:ingest',
    'models:train', 'models:promote', 'datasets:write', 'thresholds:write', 'webhooks:manage', 'jobs:write', 'deadletters:read', 'eventtypes:write',
  ]),
  admin: new Set<Scope>([
    ...READ, 'score:save', 'review:label', 'alerts:ack', 'transactions:ingest',
    'models:train', 'models:promote', 'datasets:write', 'thresholds:write', 'webhooks:manage', 'jobs:write',
    'tokens:manage', 'users:manage', 'audit:read', 'deadletters:read', 'eventtypes:write',
  ]),
};

/** What each scope allows, in words people read: "Your role (viewer) cannot promote models." */
export const SCOPE_PHRASES: Record<Scope, string> = {
  'overview:read': 'see the overview',
  'score:test': 'use the score tester',
  'score:save': 'save scores',
  'transactions:read': 'see transactions',
  'transactions:ingest': 'send transactions',
  'review:label': 'label transactions',
  'alerts:read': 'see alerts',
  'alerts:ack': 'acknowledge alerts',
  'models:read': 'see models',
  'models:train': 'train models',
  'models:promote': 'promote models',
  'datasets:read': 'see datasets',
  'datasets:write': 'import datasets',
  'thresholds:write': 'change thresholds and monitoring settings',
  'webhooks:manage': 'manage webhooks',
  'tokens:manage': 'manage API tokens',
  'users:manage': 'manage users',
  'audit:read': 'read the audit log',
  'jobs:read': 'see jobs',
  'jobs:write': 'cancel jobs',
  'deadletters:read': 'see messages that could not be ingested',
  'eventtypes:read': 'see event types',
  'eventtypes:write': 'define or edit event types',
};

export const forbiddenMessage = (role: Role, scope: Scope) => `Your role (${role}) cannot ${SCOPE_PHRASES[scope]}.`;

export function can(role: Role, scope: Scope): boolean {
  return PERMISSIONS[role]?.has(scope) ?? false;
}
