import { Sidebar } from '@/components/nav';
import { navFor } from '@/lib/server/navigation';
import { requireSession } from '@/lib/server/pages';

export const dynamic = 'force-dynamic';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const who = await requireSession();
  const items = navFor(who.role).map(({ href, label, section }) => ({ href, label, section }));
  return (
    <div className="shell">
      <Sidebar items={items} user={{ name: who.name, email: who.label, role: who.role }} />
      <main className="main">{children}</main>
    </div>
  );
}
