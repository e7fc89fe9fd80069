import Link from 'next/link';
import { ScopePicker, scopeHref, type ScopeChoice } from '@/components/ui/scope-picker';
import type { Scope } from '@/lib/schemas/scope';

/** Page tabs and the type picker for /monitoring (plain links: the state lives in the URL). */
export function MonitoringTabs({ scope, options, page }: { scope: Scope; options: ScopeChoice[]; page: 'performance' | 'shadow' }) {
  const path = (p: string) => `/monitoring${p === 'shadow' ? '/shadow' : ''}`;
  return (
    <div className="row monitoring-tabs">
      <Link className={`btn sm${page === 'performance' ? ' primary' : ''}`} href={scopeHref(path('performance'), scope)}>Labelled performance</Link>
      <Link className={`btn sm${page === 'shadow' ? ' primary' : ''}`} href={scopeHref(path('shadow'), scope)} data-testid="shadow-tab">Champion vs challenger</Link>
      <ScopePicker options={options} current={scope} basePath={path(page)} />
    </div>
  );
}
