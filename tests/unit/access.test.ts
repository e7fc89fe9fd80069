import { describe, expect, it } from 'vitest';
import { CreateTokenInput } from '@/lib/schemas/tokens';
import { ChangePasswordInput } from '@/lib/schemas/users';
import { demoModeFor, isLoopbackUrl } from '@/lib/server/access/demo-mode';
import { scopeForPath } from '@/lib/server/access/page-scopes';
import { forbiddenMessage, PERMISSIONS, SCOPE_PHRASES } from '@/lib/server/access/rbac';
import { NAV } from '@/lib/server/access/navigation';

describe('demo mode', () => {
  it('is on by default only for a loopback public URL', () => {
    for (const url of [undefined, 'http://localhost:3000', 'http://127.0.0.1:3210', 'http://127.8.9.1', 'http://[::1]:3000', 'http://app.localhost', 'http://[::ffff:127.0.0.1]/']) {
      expect(demoModeFor({ NEXTAUTH_URL: url }), String(url)).toBe(true);
    }
    for (const url of ['https://vigil.example.com', 'http://10.0.0.5:3000', 'http://0.0.0.0:3000', 'http://localhost.example.com', 'not a url']) {
      expect(demoModeFor({ NEXTAUTH_URL: url }), url).toBe(false);
    }
    expect(isLoopbackUrl('http://2130706433:3000')).toBe(true);
  });

  it('follows an explicit VIGIL_DEMO either way', () => {
    expect(demoModeFor({ VIGIL_DEMO: '1', NEXTAUTH_URL: 'https://vigil.example.com' })).toBe(true);
    expect(demoModeFor({ VIGIL_DEMO: '0', NEXTAUTH_URL: 'http://localhost:3000' })).toBe(false);
  });
});

describe('permissions in words', () => {
  it('phrases a refusal for people', () => {
    expect(forbiddenMessage('viewer', 'models:promote')).toBe('Your role (viewer) cannot promote models.');
    // Lower-case start and no full stop: each one completes "Your role (x) cannot …".
    for (const phrase of Object.values(SCOPE_PHRASES)) expect(phrase).toMatch(/^[a-z][\w ,]+[A-Za-z]$/);
  });

  it('gives audit:read to admins only, and shows Settings and Audit to admins only', () => {
    expect(PERMISSIONS.admin.has('audit:read')).toBe(true);
    for (const role of ['engineer', 'analyst', 'viewer'] as const) expect(PERMISSIONS[role].has('audit:read')).toBe(false);
    const adminOnly = NAV.filter((i) => i.href === '/settings' || i.href === '/audit');
    expect(adminOnly).toHaveLength(2);
    for (const item of adminOnly) expect([...Object.entries(PERMISSIONS)].filter(([, s]) => s.has(item.scope)).map(([r]) => r)).toEqual(['admin']);
  });

  it('maps restricted pages to their scope (for the 403 status), and leaves read pages alone', () => {
    expect(scopeForPath('/settings/users')).toBe('users:manage');
    expect(scopeForPath('/audit?action=user.create')).toBe('audit:read');
    expect(scopeForPath('/settings/tokens/')).toBe('tokens:manage');
    expect(scopeForPath('/auditor')).toBeNull();
    expect(scopeForPath('/review')).toBeNull();
  });
});

describe('contracts', () => {
  it('a new token defaults to the least privileged role', () => {
    expect(CreateTokenInput.parse({ name: 'svc' }).role).toBe('viewer');
  });

  it('a new password needs 10 characters, a matching confirmation and a change', () => {
    const issues = (v: object) => ChangePasswordInput.safeParse(v).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues({ currentPassword: 'old-password', newPassword: 'short', confirmPassword: 'short' })).toEqual(['newPassword: Use at least 10 characters.']);
    expect(issues({ currentPassword: 'old-password', newPassword: 'long-enough-1', confirmPassword: 'long-enough-2' })).toEqual(['confirmPassword: The two new passwords differ.']);
    expect(issues({ currentPassword: 'same-password', newPassword: 'same-password', confirmPassword: 'same-password' })).toEqual(['newPassword: Choose a password different from the current one.']);
    expect(issues({ currentPassword: 'old-password', newPassword: 'long-enough\u0000', confirmPassword: 'long-enough\u0000' })[0]).toMatch(/^newPassword: Control characters/);
  });
});
