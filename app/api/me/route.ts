import { AccessApi } from '@/lib/server/api/access';
import { handle } from '@/lib/server/platform/api-route';

export const GET = handle(AccessApi.me, async ({ principal: who }) => ({ id: who.id, kind: who.kind, name: who.name, email: who.kind === 'user' ? who.label : null, role: who.role }));
