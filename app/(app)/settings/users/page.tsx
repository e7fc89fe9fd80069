import { Forbidden } from '@/components/forbidden';
import { UserManager } from '@/components/users/user-manager';
import { listUsers } from '@/lib/server/access/users-admin';
import { pageAccess } from '@/lib/server/access/pages';

export const metadata = { title: 'Users' };

export default async function UsersPage() {
  const { who, allowed } = await pageAccess('users:manage');
  if (!allowed) return <Forbidden role={who.role} what="manage users" />;
  return (
    <>
      <h1 data-testid="page-title">Users</h1>
      <p className="lead">Who can sign in, and with which role. The permission table is in the README.</p>
      <UserManager initial={await listUsers()} selfId={who.id} />
    </>
  );
}
