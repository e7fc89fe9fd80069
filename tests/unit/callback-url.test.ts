import { describe, expect, it } from 'vitest';
import { safeCallbackPath, safeRedirectUrl } from '@/lib/schemas/callback-url';

describe('safeCallbackPath', () => {
  it('keeps paths on this site as they are', () => {
    for (const path of ['/', '/datasets', '/review?item=a%20b#top', '/models/v1/compare?ids=a,b', '/a/%2e%2e/b']) {
      expect(safeCallbackPath(path)).toBe(path);
    }
  });

  it('refuses other origins in every disguise', () => {
    for (const path of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example',
      '/%2F%2Fevil.example',
      '/%2f%2fevil.example',
      '/%5Cevil.example',
      '/%252F%252Fevil.example',
      '/%09/evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'javascript:alert(1)',
      'evil.example',
      '/%E0%A4%A',
      '',
      null,
      undefined,
      `/${'a'.repeat(3000)}`,
    ]) {
      expect(safeCallbackPath(path), String(path)).toBeNull();
    }
  });
});

describe('safeRedirectUrl (next-auth redirect callback)', () => {
  const base = 'https://vigil.example.com';
  it('keeps relative and same-origin targets', () => {
    expect(safeRedirectUrl('/datasets?x=1', base)).toBe('https://vigil.example.com/datasets?x=1');
    expect(safeRedirectUrl('https://vigil.example.com/review', base)).toBe('https://vigil.example.com/review');
    expect(safeRedirectUrl('/models', 'https://host.example/vigil/')).toBe('https://host.example/vigil/models');
  });

  it('sends everything else to the base URL', () => {
    for (const url of ['//evil.example/x', '/\\evil.example', 'https://evil.example', '/%2F%2Fevil.example', 'https://vigil.example.com//evil.example', 'http://vigil.example.com/', 'not a url']) {
      expect(safeRedirectUrl(url, base), url).toBe(base);
    }
  });
});
