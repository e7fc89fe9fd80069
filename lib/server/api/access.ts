// Route declarations: identity, API tokens, users and the audit log (see system.ts for why they live here).
import { AuditQuery } from '@/lib/schemas/audit';
import { IdParam } from '@/lib/schemas/common';
import { CreateTokenInput } from '@/lib/schemas/tokens';
import { ChangePasswordInput, CreateUserInput, UpdateUserInput } from '@/lib/schemas/users';
import { defineEndpoint } from './endpoint';

export const AccessApi = {
  me: defineEndpoint({ method: 'get', path: '/api/me', summary: "The caller's identity and role", tag: 'Auth', auth: 'signed-in' }),
  listTokens: defineEndpoint({ method: 'get', path: '/api/tokens', summary: 'List API tokens', tag: 'Auth', scope: 'tokens:manage' }),
  createToken: defineEndpoint({ method: 'post', path: '/api/tokens', summary: 'Create an API token (its secret is returned once)', tag: 'Auth', scope: 'tokens:manage', body: CreateTokenInput, bodyLimit: 10_000, status: 201 }),
  revokeToken: defineEndpoint({ method: 'delete', path: '/api/tokens/{id}', summary: 'Revoke an API token', tag: 'Auth', scope: 'tokens:manage', params: IdParam }),
  listUsers: defineEndpoint({ method: 'get', path: '/api/users', summary: 'List users with role, status, last sign-in and source', tag: 'Users', scope: 'users:manage' }),
  createUser: defineEndpoint({ method: 'post', path: '/api/users', summary: 'Create a user (without a password, a temporary one is returned once)', tag: 'Users', scope: 'users:manage', body: CreateUserInput, bodyLimit: 10_000, status: 201 }),
  getUser: defineEndpoint({ method: 'get', path: '/api/users/{id}', summary: 'A user', tag: 'Users', scope: 'users:manage', params: IdParam }),
  updateUser: defineEndpoint({ method: 'put', path: '/api/users/{id}', summary: 'Change name, role or disabled (disabling ends sessions and revokes their tokens; 409 for the last admin)', tag: 'Users', scope: 'users:manage', params: IdParam, body: UpdateUserInput, bodyLimit: 10_000 }),
  resetPassword: defineEndpoint({ method: 'post', path: '/api/users/{id}/password-reset', summary: 'Reset a password: a temporary one is returned once and must be changed at sign-in', tag: 'Users', scope: 'users:manage', params: IdParam }),
  // Session only (403 for tokens, 401 without a session), checked before the body is read: the handler authenticates.
  changePassword: defineEndpoint({ method: 'post', path: '/api/account/password', summary: 'Change your own password (signed-in people only; every session ends)', tag: 'Users', auth: 'handler', body: ChangePasswordInput, bodyLimit: 10_000 }),
  audit: defineEndpoint({ method: 'get', path: '/api/audit', summary: 'Audit log, newest first (?action&actor&targetType&from&to&cursor&limit)', tag: 'Audit', scope: 'audit:read', query: AuditQuery, dropEmptyQuery: true }),
  auditExport: defineEndpoint({ method: 'get', path: '/api/audit/export', summary: 'The filtered audit log as CSV', tag: 'Audit', scope: 'audit:read', query: AuditQuery, dropEmptyQuery: true }),
};
