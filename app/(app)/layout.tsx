import { headers } from 'next/headers';
import { forbidden } from 'next/navigation';
import { Sidebar } from '@/components/nav';
import { DemoBanner } from '@/components/ui/demo-banner';
import { demoMode } from '@/lib/server/access/demo-mode';
import { scopeForPath } from '@/lib/server/access/page-scopes';
import { navFor } from '@/lib/server/access/navigation';
import { ungatedPrincipal } from '@/lib/server/access/ungated-session';
import { can } from '@/lib/server/access/rbac';

export const dynamic = 'force-dynamic';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const who = await ungatedPrincipal();
  // Checked here, before the page streams, so the answer's status can still be 403.
  const needed = scopeForPath((await headers()).get('x-vigil-path') ?? '/');
  if (needed && !can(who.role, needed)) forbidden();
  const items = navFor(who.role).map(({ href, label, section }) => ({ href, label, section }));
  return (
    <div className="shell">
      <Sidebar items={items} user={{ name: who.name, email: who.label, role: who.role }} />
      <main className="main">{demoMode() ? <DemoBanner /> : null}{children}</main>
    </div>
  );
}
