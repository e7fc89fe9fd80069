// Query strings from the audit page's GET form: empty fields mean "no filter", not an invalid value.
import { AuditQuery } from '@/lib/schemas/audit';
import { parseWith } from '../platform/http';

export function auditQueryFrom(params: URLSearchParams): AuditQuery {
  const entries = Object.create(null) as Record<string, string>;
  for (const [k, v] of params) if (v.trim() !== '') entries[k] = v;
  return parseWith(AuditQuery, entries, 'Query');
}

/** The filters alone, without paging. */
export function auditFilters(q: AuditQuery): Omit<AuditQuery, 'cursor' | 'limit'> {
  const keep = new Set(['action', 'actor', 'targetType', 'from', 'to']);
  return Object.fromEntries(Object.entries(q).filter(([k, v]) => keep.has(k) && v !== undefined));
}
