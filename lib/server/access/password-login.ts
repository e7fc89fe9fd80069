// Password sign-in around next-auth's credentials provider: the throttle gate before it (429 with Retry-After,
// or a delay), the check itself, and an audit event for every outcome. The password is never stored or logged.
import { z } from 'zod';
import { LoginInput } from '@/lib/schemas/auth';
import { recordAudit } from './audit';
import { db } from '../platform/db';
import type { Principal } from './principal';
import { verifyCredentials } from './users';
import { accountKey, loginThrottle, requestAddress, type LoginThrottle } from './login-throttle';

export type LoginFailureReason = 'bad_password' | 'unknown_user' | 'disabled' | 'throttled';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

async function auditFailure(email: string, address: string, reason: LoginFailureReason, userId: string | null = null) {
  await recordAudit(null, { action: 'login.failure', targetType: 'user', targetId: userId, after: { email, address, reason } });
}

async function failureReason(email: string): Promise<{ reason: LoginFailureReason; userId: string | null }> {
  const user = await db().user.findUnique({ where: { email }, select: { id: true, disabledAt: true } });
  if (!user) return { reason: 'unknown_user', userId: null };
  return { reason: user.disabledAt ? 'disabled' : 'bad_password', userId: user.id };
}

// One audit event per throttled key and lockout, not one per refused request: refusals cost no password check,
// so an attacker could otherwise fill the audit log at request rate.
const auditedRefusals = new Map<string, number>();
function firstRefusal(key: string, until: number, now: number): boolean {
  if ((auditedRefusals.get(key) ?? 0) > now) return false;
  if (auditedRefusals.size >= 10_000) auditedRefusals.clear();
  auditedRefusals.set(key, until);
  return true;
}

/**
 * Runs before next-auth handles a credentials sign-in: a 429 response when throttled, else null after any
 * slow-down delay. The attempt counts as a failure until `passwordLogin` reports the password was right.
 */
export async function gateCredentialsLogin(req: Request, throttle: LoginThrottle = loginThrottle, now = Date.now()): Promise<Response | null> {
  const form = await req.clone().formData().catch(() => null);
  const email = accountKey(String(form?.get('email') ?? ''));
  const address = requestAddress(req.headers);
  const decision = throttle.attempt(email, address, now);
  if (decision.allowed) {
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    return null;
  }
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  if (firstRefusal(`${decision.limit}\n${email}\n${address}`, now + decision.retryAfterMs, now)) {
    const known = z.email().safeParse(email).success;
    await auditFailure(known ? email : '(not an email)', address, 'throttled');
  }
  // Vigil's error shape, plus the `url` next-auth's signIn() reads to hand the error to the login form.
  const body = {
    error: { code: 'rate_limited', message: `Too many failed sign-ins. Try again in ${waitText(seconds)}.` },
    url: new URL(`/login?error=rate_limited:${seconds}`, req.url).href,
  };
  return Response.json(body, { status: 429, headers: { 'retry-after': String(seconds) } });
}

/** The credentials provider's authorize(): the principal for a right password, else null; audited either way. */
export async function passwordLogin(credentials: unknown, headers: Headers | Record<string, unknown> | undefined, throttle: LoginThrottle = loginThrottle): Promise<Principal | null> {
  const parsed = LoginInput.safeParse(credentials);
  if (!parsed.success) return null;
  const email = accountKey(parsed.data.email);
  const address = requestAddress(headers);
  const who = await verifyCredentials(email, parsed.data.password);
  if (!who) {
    const { reason, userId } = await failureReason(email);
    await auditFailure(email, address, reason, userId);
    return null;
  }
  throttle.succeeded(email, address);
  await recordAudit(who, { action: 'login.success', targetType: 'user', targetId: who.id, after: { email, address } });
  return who;
}
