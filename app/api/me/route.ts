import { authenticate } from '@/lib/server/auth';
import { json, route, unauthorized } from '@/lib/server/http';

export const GET = route(async (req) => {
  const who = await authenticate(req);
  if (!who) throw unauthorized();
  return json({ id: who.id, kind: who.kind, name: who.name, email: who.kind === 'user' ? who.label : null, role: who.role });
});
