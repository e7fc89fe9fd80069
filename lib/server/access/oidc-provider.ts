// The next-auth OIDC provider built from VIGIL_OIDC_*, and the sign-in hook that applies Vigil's rules.
import type { Profile } from 'next-auth';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { TokenSet } from 'openid-client';
import { env } from '../platform/env';
import { childLogger } from '../platform/logger';
import { claimValues, oidcSettings, resolveOidcLogin } from './oidc';

export const OIDC_PROVIDER_ID = 'oidc';

const log = childLogger('oidc');

type Claims = Profile & Record<string, unknown>;

/** The provider, or nothing when single sign-on is not configured. */
export function oidcProviders(): OAuthConfig<Claims>[] {
  const e = env();
  if (!e.VIGIL_OIDC_ISSUER || !e.VIGIL_OIDC_CLIENT_ID || !e.VIGIL_OIDC_CLIENT_SECRET) return [];
  const issuer = e.VIGIL_OIDC_ISSUER.replace(/\/+$/, '');
  return [{
    id: OIDC_PROVIDER_ID,
    name: e.VIGIL_OIDC_NAME,
    type: 'oauth',
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: e.VIGIL_OIDC_CLIENT_ID,
    clientSecret: e.VIGIL_OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    // Some providers put groups and email only in userinfo: ask it when the ID token lacks them (its sub is checked against the ID token's).
    userinfo: {
      async request({ tokens, client }) {
        const set = tokens as TokenSet; // next-auth types it loosely; at run time it is openid-client's validated TokenSet
        const claims = set.claims() as Claims;
        if (claims.email && claimValues(claims, oidcSettings().roleClaim).length > 0) return claims;
        try {
          return { ...(await client.userinfo(set)), ...claims };
        } catch (err) {
          log.warn({ err: (err as Error).message }, 'userinfo request failed; using the ID token claims alone');
          return claims;
        }
      },
    },
    profile: (claims) => ({ id: String(claims.sub), email: typeof claims.email === 'string' ? claims.email : null, name: typeof claims.name === 'string' ? claims.name : null }),
  }];
}

/** next-auth signIn hook for OIDC: true lets the person in, a path sends them back to the login page with the reason. */
export async function oidcSignIn(claims: object | undefined): Promise<true | string> {
  try {
    const result = await resolveOidcLogin({ ...claims });
    return result.ok ? true : `/login?error=${result.reason}`;
  } catch (err) {
    // next-auth would put the error's message in the redirect URL; the person gets a code, the log the detail.
    log.error({ err }, 'single sign-on failed');
    return '/login?error=Callback';
  }
}

/** What the login page needs to show the button. */
export function oidcLoginOption(): { id: string; label: string } | null {
  return oidcProviders().length > 0 ? { id: OIDC_PROVIDER_ID, label: env().VIGIL_OIDC_NAME } : null;
}
