import { describe, expect, it } from 'vitest';
import { allowedMethods, guardRequest } from '@/lib/server/platform/request-guard';

describe('request guard', () => {
  it('answers JSON 400 for paths that are not valid percent-encoding or hide control characters', () => {
    for (const path of ['/api/transactions/%ZZ', '/prediction/single/%E0%A4%A', '/model/registry/%', '/api/jobs/%00', '/api/jobs/a%0Ab']) {
      expect(guardRequest('GET', path)).toMatchObject({ status: 400, body: { error: { code: 'bad_path', message: expect.any(String) } } });
    }
    // Decodes once, as Next does: the handler sees the rest and validates it.
    expect(guardRequest('POST', '/prediction/single/%25E0%25A4%25A')).toBeNull();
    expect(guardRequest('GET', '/api/transactions/abc%20def')).toBeNull();
  });

  it('answers JSON 405 with Allow for a method the route does not export', () => {
    expect(guardRequest('PATCH', '/api/transactions')).toEqual({ status: 405, headers: { allow: 'POST, OPTIONS' }, body: { error: { code: 'method_not_allowed', message: expect.stringContaining('POST') } } });
    expect(guardRequest('DELETE', '/ping')?.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(guardRequest('GET', '/model/train')?.status).toBe(405);
    expect(guardRequest('POST', '/api/monitoring/settings/email')?.headers.allow).toBe('GET, PUT, HEAD, OPTIONS');
  });

  it('prefers a static segment to a parameter, as Next routes', () => {
    // /api/transactions/label (POST) beside /api/transactions/{id} (GET).
    expect(allowedMethods('/api/transactions/label')).toEqual(['POST', 'OPTIONS']);
    expect(allowedMethods('/api/transactions/t-1')).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(guardRequest('GET', '/api/transactions/label')?.status).toBe(405);
    expect(guardRequest('GET', '/api/transactions/search')).toBeNull();
    expect(guardRequest('POST', '/api/transactions/search')?.status).toBe(405);
  });

  it('leaves known methods, unknown paths, HEAD/OPTIONS and next-auth alone', () => {
    expect(guardRequest('POST', '/api/transactions')).toBeNull();
    expect(guardRequest('HEAD', '/api/health')).toBeNull();
    expect(guardRequest('OPTIONS', '/api/transactions')).toBeNull();
    expect(guardRequest('PATCH', '/api/no/such/route')).toBeNull();
    expect(guardRequest('PUT', '/api/auth/callback/credentials')).toBeNull();
    expect(guardRequest('POST', '/review')).toBeNull();
  });
});
