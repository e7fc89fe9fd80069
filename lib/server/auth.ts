// Request → principal. Machines send `Authorization: Bearer <token>` (or the seeds' bare
// `Authorization: <token>`); people carry a next-auth session cookie.
import type { AuthOptions } from 'next-auth';
import { getServerSession } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { LoginInput } from '@/lib/schemas/auth';
import { OIDC_PROVIDER_ID, oidcProviders, oidcSignIn } from './access/oidc-provider';
import { userIdForSubject } from './access/oidc';
import { env } from './env';
import { forbidden, unauthorized } from './http';
import type { Principal } from './principal';
import { loginLimiter } from './rate-limit';
import { can, type Scope } from './rbac';
import { principalForToken } from './tokens';
import { findActiveUser, verifyCredentials } from './users';

export const loginKey = (email: string, ip: string) => `${email.toLowerCase()}|${ip}`;

export function clientIp(headers: Headers | Record<string, unknown> | undefined): string {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : (headers?.[name] as string | undefined));
  return get('x-forwarded-for')?.split(',')[0].trim() || get('x-real-ip') || 'local';
}

export const authOptions: AuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const parsed = LoginInput.safeParse(credentials);
        if (!parsed.success) return null;
        const key = loginKey(parsed.data.email, clientIp(req?.headers));
        const who = await verifyCredentials(parsed.data.email, parsed.data.password);
        if (!who) {
          loginLimiter.fail(key);
          return null;
        }
        loginLimiter.reset(key);
        return { id: who.id, email: who.label, name: who.name, role: who.role };
      },
    }),
    ...oidcProviders(),
  ],
  callbacks: {
    signIn({ account, profile }) {
      return account?.provider === OIDC_PROVIDER_ID ? oidcSignIn(profile) : true;
    },
    async jwt({ token, user, account }) {
      if (user) token.uid = user.id;
      // OIDC: `user.id` is the provider's subject; the session carries the Vigil user it was linked to.
      if (user && account?.provider === OIDC_PROVIDER_ID) token.uid = await userIdForSubject(account.providerAccountId);
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid };
    },
  },
};

/** The caller, or null. A presented but bad token is an error (401 naming why), never a silent anonymous. */
export async function authenticate(req?: Request): Promise<Principal | null> {
  const header = req?.headers.get('authorization')?.trim();
  if (header) return principalForToken(header.replace(/^Bearer\s+/i, '').trim());
  // No session cookie, no session: skip next-auth (and its request-scoped headers()) entirely.
  if (req && !/(^|;\s*)(__Secure-)?next-auth\.session-token(\.\d+)?=/.test(req.headers.get('cookie') ?? '')) return null;
  return sessionPrincipal();
}

/** The signed-in person from the session cookie, re-read from the database so role changes apply at once. */
export async function sessionPrincipal(): Promise<Principal | null> {
  const session = (await getServerSession(authOptions)) as { uid?: string } | null;
  return session?.uid ? findActiveUser(session.uid) : null;
}

/** 401 without credentials, 403 without the scope. */
export async function requireScope(req: Request, scope: Scope): Promise<Principal> {
  const who = await authenticate(req);
  if (!who) throw unauthorized();
  if (!can(who.role, scope)) throw forbidden(`The ${who.role} role cannot ${scope.replace(':', ' ')}.`);
  return who;
}
