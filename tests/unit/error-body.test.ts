// Error bodies stay a few kilobytes whatever went into them (huge messages, thousands of fields, long keys).
import { describe, expect, it } from 'vitest';
import { capErrorDetail, clip } from '@/lib/server/platform/error-body';

const size = (v: unknown) => Buffer.byteLength(JSON.stringify({ error: v }));

describe('capErrorDetail', () => {
  it('clips a 10 MB message and 100,000 fields with 1 MB names to under 8 KB', () => {
    const fields: Record<string, string[]> = {};
    const long = 'x'.repeat(1_000_000);
    for (let i = 0; i < 100_000; i++) fields[`${i}${i < 3 ? long : ''}`] = [long.slice(0, 10_000), 'b', 'c', 'd'];
    const capped = capErrorDetail({ code: 'bad_request', message: '€'.repeat(10_000_000), fields });
    expect(size(capped)).toBeLessThan(8 * 1024);
    expect(capped.message.length).toBeLessThanOrEqual(800);
    expect(capped.fields!['(more)'][0]).toMatch(/^\d+ more problems not shown\.$/);
    expect(Object.values(capped.fields!).every((list) => list.length <= 3)).toBe(true);
  });

  it('keeps small errors as they are, including keys named __proto__ or constructor', () => {
    const fields = JSON.parse('{"__proto__":["Unknown field."],"constructor":["Unknown field."],"name":["Required."]}');
    const capped = capErrorDetail({ code: 'bad_request', message: 'Request body is invalid.', fields });
    expect(JSON.stringify(capped)).toBe('{"code":"bad_request","message":"Request body is invalid.","fields":{"__proto__":["Unknown field."],"constructor":["Unknown field."],"name":["Required."]}}');
    expect(capErrorDetail({ code: 'x', message: 'short' })).toEqual({ code: 'x', message: 'short' });
  });

  it('replaces control characters so a message cannot carry raw binary', () => {
    expect(clip('a\u0000b\u001bc\nd', 100)).toBe('a b c\nd');
  });
});
