// The sidebar: each entry names the scope that unlocks it, so the nav never shows a page you can't open.
import type { Role } from '@/lib/schemas/common';
import { can, type Scope } from './rbac';

export interface NavItem { href: string; label: string; scope: Scope; section: string }

export const NAV: NavItem[] = [
  { href: '/', label: 'Overview', scope: 'overview:read', section: 'Operate' },
  { href: '/review', label: 'Review queue', scope: 'transactions:read', section: 'Operate' },
  { href: '/events', label: 'Events', scope: 'transactions:read', section: 'Operate' },
  { href: '/score', label: 'Score tester', scope: 'score:test', section: 'Operate' },
  { href: '/models', label: 'Models', scope: 'models:read', section: 'Build' },
  { href: '/train', label: 'Train', scope: 'models:train', section: 'Build' },
  { href: '/datasets', label: 'Datasets', scope: 'datasets:read', section: 'Build' },
  { href: '/event-types', label: 'Event types', scope: 'eventtypes:read', section: 'Build' },
  { href: '/monitoring', label: 'Performance', scope: 'models:read', section: 'Monitor' },
  { href: '/alerts', label: 'Alerts', scope: 'alerts:read', section: 'Operate' },
  { href: '/drift', label: 'Drift', scope: 'models:read', section: 'Monitor' },
  { href: '/settings/dead-letters', label: 'Dead letters', scope: 'deadletters:read', section: 'Monitor' },
  { href: '/settings/webhooks', label: 'Webhooks', scope: 'webhooks:manage', section: 'Admin' },
  { href: '/docs', label: 'API docs', scope: 'overview:read', section: 'Admin' },
  { href: '/settings/tokens', label: 'API tokens', scope: 'tokens:manage', section: 'Admin' },
  { href: '/settings/users', label: 'Users', scope: 'users:manage', section: 'Admin' },
  { href: '/audit', label: 'Audit log', scope: 'audit:read', section: 'Admin' },
  { href: '/settings', label: 'Settings', scope: 'users:manage', section: 'Admin' },
  { href: '/account', label: 'Account', scope: 'overview:read', section: 'You' },
];

export const navFor = (role: Role) => NAV.filter((item) => can(role, item.scope));
