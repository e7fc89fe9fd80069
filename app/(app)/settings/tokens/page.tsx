import { Forbidden } from '@/components/forbidden';
import { TokenManager } from '@/components/tokens/token-manager';
import { pageAccess } from '@/lib/server/access/pages';
import { listTokens } from '@/lib/server/access/tokens';

export const metadata = { title: 'API tokens' };

export default async function TokensPage() {
  const { who, allowed } = await pageAccess('tokens:manage');
  if (!allowed) return <Forbidden role={who.role} what="manage API tokens" />;
  return (
    <>
      <h1 data-testid="page-title">API tokens</h1>
      <p className="lead">Machines authenticate with <code>Authorization: Bearer &lt;token&gt;</code>. Each token carries a role.</p>
      <TokenManager initial={await listTokens()} />
    </>
  );
}
