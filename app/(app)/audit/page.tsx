import Link from 'next/link';
import { AuditFilters, type AuditFilterValues } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { Forbidden } from '@/components/forbidden';
import { AuditQuery } from '@/lib/schemas/audit';
import { auditFacets, searchAudit } from '@/lib/server/access/audit';
import { pageAccess } from '@/lib/server/access/pages';

export const metadata = { title: 'Audit log' };

type Search = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { who, allowed } = await pageAccess('audit:read');
  if (!allowed) return <Forbidden role={who.role} what="read the audit log" />;
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && v.trim() !== '') params.set(k, v);
  const parsed = AuditQuery.safeParse(Object.fromEntries(params));
  const values: AuditFilterValues = parsed.success ? parsed.data : {};
  const filters = new URLSearchParams(Object.entries(values).filter(([k, v]) => typeof v === 'string' && k !== 'cursor') as [string, string][]);
  const [page, facets] = await Promise.all([parsed.success ? searchAudit(parsed.data) : null, auditFacets()]);
  const withCursor = (cursor: string) => `/audit?${new URLSearchParams([...filters, ['cursor', cursor]])}`;
  return (
    <>
      <h1 data-testid="page-title">Audit log</h1>
      <p className="lead">Every sign-in, user, token, setting and model change, and every export, newest first. Events are never edited or deleted.</p>
      <AuditFilters values={values} actions={facets.actions} targetTypes={facets.targetTypes} exportHref={`/api/audit/export?${filters}`} />
      {!parsed.success ? (
        <div className="alert error" role="alert">
          These filters are not valid: {parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ')}
        </div>
      ) : (
        <div className="card">
          <AuditTable events={page!.events} />
          <div className="row" style={{ justifyContent: 'space-between', marginTop: 12 }}>
            {parsed.data.cursor ? <Link className="btn" href={`/audit?${filters}`}>Newest</Link> : <span />}
            {page!.nextCursor ? <Link className="btn" href={withCursor(page!.nextCursor)} data-testid="audit-older">Older →</Link> : null}
          </div>
        </div>
      )}
    </>
  );
}
