// A real OpenID Provider (panva's oidc-provider) for the single sign-on tests: one confidential client
// that must use PKCE, and an in-memory directory of people with an email and a `groups` claim.
// Its built-in development pages take any password for a known login.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const OIDC_CLIENT = { id: 'vigil-e2e', secret: 'vigil-e2e-client-secret-0123456789' };

/** The directory: the login typed at the provider is the key. */
export const OIDC_PEOPLE = {
  'oscar.analyst': { email: 'oscar.analyst@idp.example', name: 'Oscar Analyst', groups: ['staff', 'fraud-analysts'] },
  'mia.marketing': { email: 'mia.marketing@idp.example', name: 'Mia Marketing', groups: ['staff', 'marketing'] },
} as const;

/** What Vigil is told: group map, refusal of unmapped people, just-in-time creation. */
export const OIDC_VIGIL_ENV = {
  VIGIL_OIDC_CLIENT_ID: OIDC_CLIENT.id,
  VIGIL_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
  VIGIL_OIDC_NAME: 'Sign in with Test IdP',
  VIGIL_OIDC_ROLE_CLAIM: 'groups',
  VIGIL_OIDC_ROLE_MAP: 'vigil-admins=admin,fraud-engineers=engineer,fraud-analysts=analyst',
  VIGIL_OIDC_DEFAULT_ROLE: 'none',
  VIGIL_OIDC_JIT: '1',
};

const slot = globalThis as unknown as { vigilOidcServer?: http.Server };

/** Starts the provider on a free local port; returns its issuer URL. */
export async function startOidcProvider(vigilUrl: string): Promise<string> {
  const { default: Provider } = await import('oidc-provider');
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: OIDC_CLIENT.id,
      client_secret: OIDC_CLIENT.secret,
      redirect_uris: [`${vigilUrl}/api/auth/callback/oidc`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    }],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    cookies: { keys: ['oidc-e2e-cookie-key-0123456789'] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      const person = Object.hasOwn(OIDC_PEOPLE, id) ? OIDC_PEOPLE[id as keyof typeof OIDC_PEOPLE] : undefined;
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, email: person.email, email_verified: true, name: person.name, groups: [...person.groups] }) };
    },
  });
  server.on('request', provider.callback());
  server.unref(); // never the reason the test runner stays alive
  slot.vigilOidcServer = server;
  return issuer;
}

export async function stopOidcProvider() {
  const server = slot.vigilOidcServer;
  if (!server) return;
  slot.vigilOidcServer = undefined;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}
