import { requireSession } from '@/lib/server/access/pages';
import { ENDPOINTS, openApiDocument } from '@/lib/server/platform/openapi';

export const metadata = { title: 'API docs' };

const METHOD_CLASS: Record<string, string> = { get: 'ok', post: '', put: 'warn', delete: 'danger' };

export default async function DocsPage() {
  await requireSession();
  const doc = openApiDocument();
  const tags = [...new Set(ENDPOINTS.map((e) => e.tag))];
  return (
    <>
      <h1 data-testid="page-title">API</h1>
      <p className="lead">
        Send <code>Authorization: Bearer &lt;token&gt;</code>. The machine-readable document is at <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI {doc.openapi}).
      </p>
      {tags.map((tag) => (
        <div className="card" key={tag} style={{ marginBottom: 16 }}>
          <h2>{tag}</h2>
          {ENDPOINTS.filter((e) => e.tag === tag).map((e) => {
            const op = (doc.paths[e.path] as Record<string, { requestBody?: { content: { 'application/json'?: { schema: unknown } } } }>)[e.method];
            const jsonBody = op.requestBody?.content['application/json'];
            return (
              <details key={e.method + e.path} style={{ borderTop: '1px solid var(--line)', padding: '8px 0' }}>
                <summary>
                  <span className={`badge ${METHOD_CLASS[e.method]}`} style={{ minWidth: 56, textAlign: 'center' }}>{e.method.toUpperCase()}</span>{' '}
                  <code>{e.path}</code> — {e.summary} {e.scope ? <span className="badge">{e.scope}</span> : null}
                </summary>
                {jsonBody ? <pre className="secret mono" style={{ marginTop: 8, overflowX: 'auto' }}>{JSON.stringify(jsonBody.schema, null, 2)}</pre> : <p className="lead" style={{ margin: '8px 0 0' }}>No request body.</p>}
              </details>
            );
          })}
        </div>
      ))}
    </>
  );
}
