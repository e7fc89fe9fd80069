// Where a login may send people afterwards: a path on this site, never another origin. Shared by the login
// form and next-auth's redirect callback. Browsers read `//host` and `/\host` as another host, drop tabs and
// newlines inside URLs, and some layers decode again, so every decoded layer is checked.

const BASE = 'http://vigil.invalid';
const MAX_LENGTH = 2_000;

function isLocalPath(value: string): boolean {
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return false;
  if (/[\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    return new URL(value, BASE).origin === BASE;
  } catch {
    return false;
  }
}

/** The path itself when it stays on this site at every decoding layer, else null. */
export function safeCallbackPath(raw: string | null | undefined): string | null {
  if (!raw || raw.length > MAX_LENGTH) return null;
  let layer = raw;
  for (let i = 0; i < 5; i++) {
    if (!isLocalPath(layer)) return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return null;
    }
    if (decoded === layer) return raw;
    layer = decoded;
  }
  return null; // still encoded after five layers: not a path anyone typed
}

/** next-auth's redirect callback: a relative or same-origin URL that passes the check above, else the base URL. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  if (url.startsWith('/')) {
    const path = safeCallbackPath(url);
    return path ? `${baseUrl.replace(/\/$/, '')}${path}` : baseUrl;
  }
  try {
    const target = new URL(url);
    const base = new URL(baseUrl);
    const path = target.origin === base.origin ? safeCallbackPath(target.pathname + target.search + target.hash) : null;
    return path ? `${base.origin}${path}` : baseUrl;
  } catch {
    return baseUrl;
  }
}
