// Request → principal. Machines send `Authorization: Bearer <token>` (or the seeds' bare
// `Authorization: <token>`); people carry a next-auth session cookie.
import type { AuthOptions } from 'next-auth';
import { getServerSession } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { safeRedirectUrl } from '@/lib/schemas/callback-url';
import { OIDC_PROVIDER_ID, oidcProviders, oidcSignIn } from './oidc-provider';
import { userIdForSubject } from './oidc';
import { passwordLogin } from './password-login';
import { sessionSecret } from './session-secret';
import { forbidden, unauthorized } from '../platform/http';
import type { Principal } from './principal';
import { can, forbiddenMessage, type Scope } from './rbac';
import { principalForToken } from './tokens';
import { passwordChangeRequired, sendToPasswordChange } from './password-change-gate';
import { activeSessionUser, hasSessionCookie, type SessionUser } from './session-user';

export const authOptions: AuthOptions = {
  // Read at request time from the secret file (never the environment); next-auth then skips its own env lookup.
  get secret() {
    return sessionSecret();
  },
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      // Throttled before this runs (app/api/auth route); audited and un-throttled on success here.
      async authorize(credentials, req) {
        const who = await passwordLogin(credentials, req?.headers);
        return who ? { id: who.id, email: who.label, name: who.name, role: who.role } : null;
      },
    }),
    ...oidcProviders(),
  ],
  callbacks: {
    // Only back to this site: never `//host`, `/\host` or another origin, however encoded.
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    signIn({ account, profile }) {
      return account?.provider === OIDC_PROVIDER_ID ? oidcSignIn(profile) : true;
    },
    async jwt({ token, user, account }) {
      if (user) token.uid = user.id;
      // Set once at sign-in (next-auth renews `iat` on every refresh): sessions older than sessionsValidFrom are refused.
      if (user) token.signedInAt = Date.now();
      // OIDC: `user.id` is the provider's subject; the session carries the Vigil user it was linked to.
      if (user && account?.provider === OIDC_PROVIDER_ID) token.uid = await userIdForSubject(account.providerAccountId);
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, signedInAt: token.signedInAt };
    },
  },
};

/** The caller, or null. A presented but bad token is an error (401 naming why), never a silent anonymous. */
export async function authenticate(req?: Request): Promise<Principal | null> {
  const header = req?.headers.get('authorization')?.trim();
  if (header) return principalForToken(header.replace(/^Bearer\s+/i, '').trim());
  // No session cookie, no session: skip next-auth (and its request-scoped headers()) entirely.
  if (req && !hasSessionCookie(req)) return null;
  const user = await sessionUser();
  if (user?.mustChangePassword) throw passwordChangeRequired();
  return user?.principal ?? null;
}

/** The session's user, re-read from the database so role changes, disabling and password changes apply at once. */
export async function sessionUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(authOptions)) as { uid?: string; signedInAt?: number } | null;
  return session?.uid ? activeSessionUser(session.uid, session.signedInAt) : null;
}

/** The signed-in person for pages; one who must change their password is sent to /account first. */
export async function sessionPrincipal(): Promise<Principal | null> {
  const user = await sessionUser();
  if (user?.mustChangePassword) sendToPasswordChange();
  return user?.principal ?? null;
}

/** 401 without credentials, 403 without the scope. */
export async function requireScope(req: Request, scope: Scope): Promise<Principal> {
  const who = await authenticate(req);
  if (!who) throw unauthorized();
  if (!can(who.role, scope)) throw forbidden(forbiddenMessage(who.role, scope));
  return who;
}
