import Link from 'next/link';
import { formatCount } from '@/lib/format';
import { sameScope, scopeName, scopeParams, type Scope } from '@/lib/schemas/scope';

export interface ScopeChoice { scope: Scope; items: number; hasProduction: boolean; productionId?: string | null }

/** The scope's link: the page's path, its other params kept, and ?type= (an old ?kind= is dropped). */
export function scopeHref(basePath: string, scope: Scope, keep: Record<string, string> = {}): string {
  const params = new URLSearchParams(keep);
  params.delete('kind');
  params.delete('type');
  for (const [k, v] of Object.entries(scopeParams(scope))) params.set(k, v);
  return `${basePath}?${params.toString()}`;
}

/**
 * Picks an event type with plain links (server-renderable, state in the URL), each with its stored count and a
 * dot when a production model serves it.
 */
export function ScopePicker({ options, current, basePath, keep, hrefFor, label = 'Type', testId = 'scope-picker' }: {
  options: ScopeChoice[];
  current: Scope;
  basePath: string;
  keep?: Record<string, string>;
  /** A page whose scope is not a URL param (a version's backtest) links elsewhere; null leaves the option out. */
  hrefFor?: (o: ScopeChoice) => string | null;
  label?: string;
  testId?: string;
}) {
  // A scope named in the URL but not (yet) among the options still shows as selected.
  const all = options.some((o) => sameScope(o.scope, current)) ? options : [...options, { scope: current, items: 0, hasProduction: false }];
  return (
    <div className="row scope-picker" data-testid={testId}>
      <span className="muted small">{label}:</span>
      {all.map((o) => {
        const name = scopeName(o.scope);
        const active = sameScope(o.scope, current);
        const href = hrefFor ? hrefFor(o) : scopeHref(basePath, o.scope, keep);
        if (href === null && !active) return null;
        return (
          <Link
            key={name}
            className={`btn sm${active ? ' primary' : ''}`}
            href={href ?? scopeHref(basePath, o.scope, keep)}
            data-testid={`scope-${name}`}
            aria-current={active ? 'page' : undefined}
            title={`${formatCount(o.items)} stored${o.hasProduction ? ' · a production model serves it' : ' · no production model'}`}
          >
            {name}<span className="muted small"> {formatCount(o.items)}{o.hasProduction ? ' ●' : ''}</span>
          </Link>
        );
      })}
    </div>
  );
}
