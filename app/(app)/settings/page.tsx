import Link from 'next/link';
import { pageAccess } from '@/lib/server/access/pages';
import { can, type Scope } from '@/lib/server/access/rbac';

export const metadata = { title: 'Settings' };

const SECTIONS: { href: string; title: string; text: string; scope: Scope }[] = [
  { href: '/settings/users', title: 'Users', text: 'Add people, change roles, disable accounts, reset passwords.', scope: 'users:manage' },
  { href: '/settings/tokens', title: 'API tokens', text: 'Tokens for services that call the API, each with a role.', scope: 'tokens:manage' },
  { href: '/settings/webhooks', title: 'Webhooks', text: 'Where alerts are sent, and their recent deliveries.', scope: 'webhooks:manage' },
  { href: '/monitoring', title: 'Monitoring', text: 'Drift and performance thresholds, and the retraining trigger.', scope: 'thresholds:write' },
  { href: '/audit', title: 'Audit log', text: 'Who changed what, and when; exportable as CSV.', scope: 'audit:read' },
  { href: '/settings/dead-letters', title: 'Dead letters', text: 'Stream messages that could never be ingested, with the reason.', scope: 'deadletters:read' },
  { href: '/account', title: 'Your account', text: 'Your role, and your own password.', scope: 'overview:read' },
];

export default async function SettingsPage() {
  const { who } = await pageAccess('overview:read');
  const visible = SECTIONS.filter((s) => can(who.role, s.scope));
  return (
    <>
      <h1 data-testid="page-title">Settings</h1>
      <p className="lead">Everything an administrator configures, in one place.</p>
      <div className="grid cols-2" data-testid="settings-links">
        {visible.map((s) => (
          <Link key={s.href} href={s.href} className="card" data-testid={`settings-${s.href.split('/').pop()}`}>
            <h2>{s.title}</h2>
            <p className="muted">{s.text}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
