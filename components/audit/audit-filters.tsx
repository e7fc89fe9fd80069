// A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared.
import Link from 'next/link';

export interface AuditFilterValues { action?: string; actor?: string; targetType?: string; from?: string; to?: string }

export function AuditFilters({ values, actions, targetTypes, exportHref }: { values: AuditFilterValues; actions: string[]; targetTypes: string[]; exportHref: string }) {
  return (
    <form className="card filters" method="get" action="/audit" data-testid="audit-filters" style={{ marginBottom: 16 }}>
      <div className="row" style={{ flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" name="action" defaultValue={values.action ?? ''}>
            <option value="">any</option>
            {actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">Actor (email or token name)</label>
          <input id="audit-actor" name="actor" defaultValue={values.actor ?? ''} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="audit-target">Target type</label>
          <select id="audit-target" name="targetType" defaultValue={values.targetType ?? ''}>
            <option value="">any</option>
            {targetTypes.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">From (UTC)</label>
          <input id="audit-from" name="from" type="date" defaultValue={values.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To (UTC)</label>
          <input id="audit-to" name="to" type="date" defaultValue={values.to ?? ''} />
        </div>
        <div className="field filter-actions">
          <button className="btn primary" data-testid="audit-apply">Filter</button>
          <Link className="btn" href="/audit" style={{ marginLeft: 6 }}>Clear</Link>
          <a className="btn" href={exportHref} style={{ marginLeft: 6 }} data-testid="audit-export" download>Export CSV</a>
        </div>
      </div>
    </form>
  );
}
