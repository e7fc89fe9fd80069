// Seeds 001 and 004 document their requests without credentials. VIGIL_COMPAT_AUTH=optional (default)
// lets such requests through as an anonymous scorer, so they work unchanged; `required` demands a token.
// A credential that is sent is always checked.
import { authenticate } from '../access/auth';
import { env } from '../platform/env';
import { forbidden, unauthorized } from '../platform/http';
import { can } from '../access/rbac';

export async function compatCaller(req: Request) {
  const who = await authenticate(req);
  if (!who) {
    if (env().VIGIL_COMPAT_AUTH === 'required') throw unauthorized();
    return null;
  }
  if (!can(who.role, 'score:test')) throw forbidden();
  return who;
}
