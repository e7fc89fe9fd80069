// Cross-site request check for cookie sessions. SameSite=Lax alone lets a cross-site form POST through
// top-level navigations and sibling subdomains, so unsafe methods must prove they come from our own pages.
// Pure: the proxy passes the request's headers in, no framework imports here.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

export interface CsrfRequest {
  method: string;
  /** The request's own origin, e.g. http://127.0.0.1:3000 (scheme + Host header). */
  ownOrigin: string;
  /** Further origins people use, e.g. NEXTAUTH_URL's behind a TLS-terminating proxy. */
  trustedOrigins?: readonly (string | undefined)[];
  headers: { get(name: string): string | null };
}

export type CsrfVerdict = { ok: true } | { ok: false; message: string };

export const CROSS_SITE_MESSAGE =
  'This request came from another site, so it was refused. Use Vigil from its own pages, or call the API with an API token.';

export const hasSessionCookie = (cookie: string | null) => SESSION_COOKIE.test(cookie ?? '');

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function checkCsrf(req: CsrfRequest): CsrfVerdict {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { ok: true };
  // Browsers cannot attach an Authorization header cross-site without a CORS preflight we never grant.
  if (req.headers.get('authorization')) return { ok: true };
  if (!hasSessionCookie(req.headers.get('cookie'))) return { ok: true };

  const origin = req.headers.get('origin');
  if (origin !== null) {
    const allowed = new Set([req.ownOrigin, ...(req.trustedOrigins ?? [])].map(originOf).filter((o): o is string => o !== null));
    return allowed.has(originOf(origin) ?? '') ? { ok: true } : { ok: false, message: CROSS_SITE_MESSAGE };
  }
  // Without Origin, a browser's Fetch Metadata still tells us where the request started.
  const site = req.headers.get('sec-fetch-site');
  return site === 'same-origin' || site === 'none' ? { ok: true } : { ok: false, message: CROSS_SITE_MESSAGE };
}
