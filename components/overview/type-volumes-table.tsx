// Every event type's traffic on the overview: last 14 UTC days and today.
import Link from 'next/link';
import { scopeHref } from '@/components/ui/scope-picker';
import { formatCount, formatPercent } from '@/lib/format';
import { scopeName, type TypeVolume } from '@/lib/schemas/scope';

export function TypeVolumesTable({ rows }: { rows: TypeVolume[] }) {
  return (
    <table data-testid="type-volumes">
      <thead>
        <tr>
          <th>Type</th>
          <th className="num">Volume, 14 days</th><th className="num">Flag rate, 14 days</th>
          <th className="num">Volume today</th><th className="num">Flag rate today</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const name = scopeName(r.scope);
          return (
            <tr key={name} data-testid={`type-volume-${name}`}>
              <td><Link href={scopeHref('/review', r.scope)}>{name}</Link>{'eventType' in r.scope ? null : <span className="muted small"> (legacy)</span>}</td>
              <td className="num">{formatCount(r.last14.total)}</td>
              <td className="num mono">{formatPercent(r.last14.flagRate)}</td>
              <td className="num">{formatCount(r.today.total)}</td>
              <td className="num mono">{formatPercent(r.today.flagRate)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
