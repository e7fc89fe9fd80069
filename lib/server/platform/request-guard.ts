// Answers, before routing, the requests Next would otherwise fail without a JSON body:
// a path that is not valid percent-encoding (Next's param decoding throws: a plain-text 500) and a method
// the matched route does not export (Next's 405 has an empty body). Pure: the proxy calls it per request.
import { ENDPOINTS } from '../api';

export interface GuardAnswer { status: number; headers: Record<string, string>; body: { error: { code: string; message: string } } }

/** Routes Next owns beyond the endpoint list: answered by their own handlers, never guarded on method. */
const UNGUARDED_PREFIXES = ['/api/auth/', '/_next/'];

// Tab, line breaks, NUL and the other C0 controls have no place in a path segment once decoded.
const CONTROL = /[\u0000-\u001f\u007f]/;

interface RoutePattern { segments: (string | null)[]; methods: Set<string> }

function compile(): RoutePattern[] {
  const byPath = new Map<string, RoutePattern>();
  for (const e of ENDPOINTS) {
    let p = byPath.get(e.path);
    if (!p) {
      p = { segments: e.path.split('/').slice(1).map((s) => (/^\{\w+\}$/.test(s) ? null : s)), methods: new Set() };
      byPath.set(e.path, p);
    }
    p.methods.add(e.method.toUpperCase());
  }
  return [...byPath.values()];
}

let patterns: RoutePattern[] | undefined;

/** Next prefers a static segment to a dynamic one at the first position where two routes differ. */
function moreSpecific(a: RoutePattern, b: RoutePattern): boolean {
  for (let i = 0; i < a.segments.length; i++) {
    if ((a.segments[i] === null) !== (b.segments[i] === null)) return a.segments[i] !== null;
  }
  return false;
}

/** The route Next would pick for these (still encoded) segments, if the endpoint list knows it. */
function matchRoute(segments: string[]): RoutePattern | undefined {
  patterns ??= compile();
  let best: RoutePattern | undefined;
  for (const p of patterns) {
    if (p.segments.length !== segments.length) continue;
    if (!p.segments.every((s, i) => s === null || s === segments[i])) continue;
    if (!best || moreSpecific(p, best)) best = p;
  }
  return best;
}

/** The methods a path answers (HEAD with GET, OPTIONS always, as Next does), or undefined when the list does not know it. */
export function allowedMethods(pathname: string): string[] | undefined {
  const route = matchRoute(pathname.split('/').slice(1));
  if (!route) return undefined;
  const methods = [...route.methods];
  if (route.methods.has('GET')) methods.push('HEAD');
  return [...methods, 'OPTIONS'];
}

const answer = (status: number, code: string, message: string, headers: Record<string, string> = {}): GuardAnswer => ({ status, headers, body: { error: { code, message } } });

export function guardRequest(method: string, pathname: string): GuardAnswer | null {
  const segments = pathname.split('/').slice(1);
  for (const segment of segments) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return answer(400, 'bad_path', 'The URL path is not valid percent-encoding.');
    }
    if (CONTROL.test(decoded)) return answer(400, 'bad_path', 'The URL path contains control characters.');
  }
  if (UNGUARDED_PREFIXES.some((p) => pathname.startsWith(p))) return null;
  const allowed = allowedMethods(pathname);
  if (!allowed || allowed.includes(method.toUpperCase())) return null;
  return answer(405, 'method_not_allowed', `This URL does not answer ${method.toUpperCase()}; it answers ${allowed.join(', ')}.`, { allow: allowed.join(', ') });
}
