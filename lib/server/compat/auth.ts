// Seeds 001 and 004 document their requests without credentials. VIGIL_COMPAT_AUTH=optional (default)
// lets such requests through as an anonymous scorer, so they work unchanged; `required` demands a token.
// A credential that is sent is always checked.
import { authenticate } from '../auth';
import { env } from '../env';
import { forbidden, unauthorized } from '../http';
import { can } from '../rbac';

export async function compatCaller(req: Request) {
  const who = await authenticate(req);
  if (!who) {
    if (env().VIGIL_COMPAT_AUTH === 'required') throw unauthorized();
    return null;
  }
  if (!can(who.role, 'score:test')) throw forbidden();
  return who;
}
