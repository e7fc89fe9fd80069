// Route declarations: identity, API tokens, users and the audit log (see system.ts for why they live here).
import { z } from 'zod';
import { IdParam } from '@/lib/schemas/common';
import { CreateTokenInput, TokenSummary } from '@/lib/schemas/tokens';
import { ChangePasswordInput, CreateUserInput, TemporaryPassword, UpdateUserInput, UserSummary } from '@/lib/schemas/users';
import { defineEndpoint } from './endpoint';
import { AuditPage, AuditQuery } from '@/lib/schemas/audit';
import { Me } from '@/lib/schemas/responses/access';

export const AccessApi = {
  me: defineEndpoint({ method: 'get', path: '/api/me', summary: "The caller's identity and role", tag: 'Auth', auth: 'signed-in', response: Me }),
  listTokens: defineEndpoint({ method: 'get', path: '/api/tokens', summary: 'List API tokens', tag: 'Auth', scope: 'tokens:manage', response: z.object({ tokens: z.array(TokenSummary) }) }),
  createToken: defineEndpoint({ method: 'post', path: '/api/tokens', summary: 'Create an API token (its secret is returned once)', tag: 'Auth', scope: 'tokens:manage', body: CreateTokenInput, bodyLimit: 10_000, status: 201, response: TokenSummary.extend({ token: z.string() }) }),
  revokeToken: defineEndpoint({ method: 'delete', path: '/api/tokens/{id}', summary: 'Revoke an API token', tag: 'Auth', scope: 'tokens:manage', params: IdParam, response: TokenSummary }),
  listUsers: defineEndpoint({ method: 'get', path: '/api/users', summary: 'List users with role, status, last sign-in and source', tag: 'Users', scope: 'users:manage', response: z.object({ users: z.array(UserSummary) }) }),
  createUser: defineEndpoint({ method: 'post', path: '/api/users', summary: 'Create a user (without a password, a temporary one is returned once)', tag: 'Users', scope: 'users:manage', body: CreateUserInput, bodyLimit: 10_000, status: 201, response: z.object({ user: UserSummary, temporaryPassword: z.string().optional() }) }),
  getUser: defineEndpoint({ method: 'get', path: '/api/users/{id}', summary: 'A user', tag: 'Users', scope: 'users:manage', params: IdParam, response: UserSummary }),
  updateUser: defineEndpoint({ method: 'put', path: '/api/users/{id}', summary: 'Change name, role or disabled (disabling ends sessions and revokes their tokens; 409 for the last admin)', tag: 'Users', scope: 'users:manage', params: IdParam, body: UpdateUserInput, bodyLimit: 10_000, response: UserSummary }),
  resetPassword: defineEndpoint({ method: 'post', path: '/api/users/{id}/password-reset', summary: 'Reset a password: a temporary one is returned once and must be changed at sign-in', tag: 'Users', scope: 'users:manage', params: IdParam, response: TemporaryPassword }),
  // Session only (403 for tokens, 401 without a session), checked before the body is read: the handler authenticates.
  changePassword: defineEndpoint({ method: 'post', path: '/api/account/password', summary: 'Change your own password (signed-in people only; every session ends)', tag: 'Users', auth: 'handler', body: ChangePasswordInput, bodyLimit: 10_000, response: z.object({ user: UserSummary }) }),
  audit: defineEndpoint({ method: 'get', path: '/api/audit', summary: 'Audit log, newest first (?action&actor&targetType&from&to&cursor&limit)', tag: 'Audit', scope: 'audit:read', query: AuditQuery, dropEmptyQuery: true, response: AuditPage }),
  // A CSV download, not JSON: no response schema.
  auditExport: defineEndpoint({ method: 'get', path: '/api/audit/export', summary: 'The filtered audit log as CSV', tag: 'Audit', scope: 'audit:read', query: AuditQuery, dropEmptyQuery: true }),
};
