import { describe, expect, it } from 'vitest';
import { checkCsrf, type CsrfRequest } from './csrf';

const SESSION = 'theme=dark; next-auth.session-token=abc';
const OWN = 'http://127.0.0.1:3000';

function verdict(method: string, headers: Record<string, string>, extra: Partial<CsrfRequest> = {}) {
  return checkCsrf({ method, ownOrigin: OWN, headers: new Headers(headers), ...extra }).ok;
}

describe('checkCsrf', () => {
  it('refuses unsafe methods with a session cookie from another origin', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post']) {
      expect(verdict(method, { cookie: SESSION, origin: 'https://evil.example' })).toBe(false);
    }
  });

  it('accepts the request’s own origin and the configured public origin', () => {
    expect(verdict('POST', { cookie: SESSION, origin: OWN })).toBe(true);
    expect(verdict('POST', { cookie: SESSION, origin: 'https://vigil.example.com' }, { trustedOrigins: ['https://vigil.example.com/app'] })).toBe(true);
    expect(verdict('POST', { cookie: SESSION, origin: 'https://vigil.example.com' }, { trustedOrigins: [undefined] })).toBe(false);
  });

  it('treats look-alike origins as foreign', () => {
    for (const origin of ['null', 'http://127.0.0.1:3001', 'https://127.0.0.1:3000', 'http://127.0.0.1.evil.example', 'not a url']) {
      expect(verdict('POST', { cookie: SESSION, origin })).toBe(false);
    }
  });

  it('falls back to Sec-Fetch-Site without an Origin, and refuses when both are missing', () => {
    expect(verdict('DELETE', { cookie: SESSION, 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(verdict('DELETE', { cookie: SESSION, 'sec-fetch-site': 'none' })).toBe(true);
    expect(verdict('DELETE', { cookie: SESSION, 'sec-fetch-site': 'same-site' })).toBe(false);
    expect(verdict('DELETE', { cookie: SESSION, 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(verdict('DELETE', { cookie: SESSION })).toBe(false);
  });

  it('recognises secure and chunked session cookies', () => {
    expect(verdict('POST', { cookie: '__Secure-next-auth.session-token=x', origin: 'https://evil.example' })).toBe(false);
    expect(verdict('POST', { cookie: 'a=b; next-auth.session-token.0=x', origin: 'https://evil.example' })).toBe(false);
  });

  it('lets safe methods, token calls and cookie-less requests through', () => {
    expect(verdict('GET', { cookie: SESSION, origin: 'https://evil.example' })).toBe(true);
    expect(verdict('HEAD', { cookie: SESSION })).toBe(true);
    expect(verdict('POST', { cookie: SESSION, origin: 'https://evil.example', authorization: 'Bearer t' })).toBe(true);
    expect(verdict('POST', { origin: 'https://evil.example' })).toBe(true);
    // The sign-in form carries only next-auth's CSRF cookie, which next-auth checks itself.
    expect(verdict('POST', { cookie: 'next-auth.csrf-token=x', origin: 'https://evil.example' })).toBe(true);
  });
});
