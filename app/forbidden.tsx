// Rendered with HTTP 403 when the app layout calls forbidden() for a page the caller's role may not open.
import { headers } from 'next/headers';
import { Forbidden } from '@/components/forbidden';
import { scopeForPath } from '@/lib/server/access/page-scopes';
import { sessionPrincipal } from '@/lib/server/access/auth';
import { SCOPE_PHRASES } from '@/lib/server/access/rbac';

export default async function ForbiddenPage() {
  const [who, path] = await Promise.all([sessionPrincipal(), headers().then((h) => h.get('x-vigil-path') ?? '/')]);
  const scope = scopeForPath(path);
  return (
    <div className="login-wrap">
      <div style={{ maxWidth: 520 }}>
        <Forbidden role={who?.role ?? 'signed-out'} what={scope ? SCOPE_PHRASES[scope] : 'open this page'} />
      </div>
    </div>
  );
}
