// Single sign-on configuration contracts: the group-to-role map and the fallback role.
import { z } from 'zod';
import { Role } from './common';

/** Most privileged first: when several groups match, the earliest role here wins. */
export const ROLE_PRECEDENCE: readonly Role[] = ['admin', 'engineer', 'analyst', 'viewer'];

export type OidcRoleMap = ReadonlyMap<string, Role>;

/** `vigil-admins=admin,fraud-analysts=analyst` → Map. Group names may contain `=`; the role follows the last one. */
export const OidcRoleMap = z.string().transform((raw, ctx): OidcRoleMap => {
  const map = new Map<string, Role>();
  for (const entry of raw.split(',').map((e) => e.trim()).filter(Boolean)) {
    const at = entry.lastIndexOf('=');
    const group = at > 0 ? entry.slice(0, at).trim() : '';
    const role = Role.safeParse(at > 0 ? entry.slice(at + 1).trim() : '');
    if (!group || !role.success) {
      ctx.addIssue({ code: 'custom', message: `entry "${entry.slice(0, 80)}" must be group=role with a role among ${ROLE_PRECEDENCE.join(', ')}` });
      continue;
    }
    if (map.has(group) && map.get(group) !== role.data) {
      ctx.addIssue({ code: 'custom', message: `group "${group.slice(0, 80)}" is mapped to two roles` });
    }
    map.set(group, role.data);
  }
  return map;
});

/** Role for people whose groups map to nothing; `none` refuses them. */
export const OidcDefaultRole = z.enum(['admin', 'engineer', 'analyst', 'viewer', 'none']);
export type OidcDefaultRole = z.infer<typeof OidcDefaultRole>;

/** Why a single sign-on was refused: the code travels in `/login?error=`, the message is shown there. */
export const SSO_ERRORS = {
  sso_no_role: 'Your groups at the identity provider give you no role in Vigil. Ask an administrator for access.',
  sso_unknown_user: 'There is no Vigil account for you yet. Ask an administrator to create one with your email address.',
  sso_disabled: 'Your Vigil account is disabled.',
  sso_no_email: 'Your identity provider did not send an email address, which Vigil needs to create your account.',
  sso_unverified_email: 'A Vigil account uses your email address, but your identity provider did not confirm that the address is yours.',
  sso_linked: 'Your email address belongs to a Vigil account that is linked to a different single sign-on identity.',
  sso_bad_identity: 'Your identity provider sent an identity Vigil cannot use.',
} as const;
export type SsoRefusal = keyof typeof SSO_ERRORS;

/** next-auth's own error codes for a sign-in that did not complete (provider down, state or PKCE mismatch). */
export const SSO_FLOW_ERRORS: ReadonlySet<string> = new Set(['OAuthSignin', 'OAuthCallback', 'Callback', 'OAuthAccountNotLinked', 'AccessDenied', 'Configuration']);
export const SSO_FLOW_ERROR_MESSAGE = 'Single sign-on did not complete. Try again, or sign in with your password.';
