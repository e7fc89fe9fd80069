'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';

interface Item { href: string; label: string; section: string }

export function Sidebar({ items, user }: { items: Item[]; user: { name: string; email: string; role: string } }) {
  const pathname = usePathname();
  const sections = [...new Set(items.map((i) => i.section))];
  return (
    <aside className="sidebar">
      <div className="brand">Vig<span>il</span></div>
      <nav className="nav" aria-label="Main">
        {sections.map((section) => (
          <div key={section}>
            <div className="section">{section}</div>
            {items.filter((i) => i.section === section).map((item) => {
              const active = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
              return (
                <Link key={item.href} href={item.href} aria-current={active ? 'page' : undefined} data-testid={`nav-${item.href.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'overview'}`}>
                  {item.label}
                </Link>
              );
            })}
          </div>
        ))}
      </nav>
      <div className="whoami" data-testid="whoami">
        <div>{user.name}<span className="role" data-testid="role">{user.role}</span></div>
        <div style={{ color: '#94a3b8', fontSize: 12 }}>{user.email}</div>
        <button className="btn" style={{ marginTop: 10 }} data-testid="logout" onClick={() => signOut({ callbackUrl: '/login' })}>
          Sign out
        </button>
      </div>
    </aside>
  );
}
