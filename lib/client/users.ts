import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordInput, CreateUserInput, TemporaryPassword, UpdateUserInput, UserSummary } from '@/lib/schemas/users';
import { apiFetch } from './api';

const KEY = ['users'];

export const useUsers = (initial?: UserSummary[]) =>
  useQuery({ queryKey: KEY, queryFn: () => apiFetch<{ users: UserSummary[] }>('/api/users').then((r) => r.users), initialData: initial });

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => apiFetch<{ user: UserSummary; temporaryPassword?: string }>('/api/users', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: UpdateUserInput & { id: string }) => apiFetch<UserSummary>(`/api/users/${encodeURIComponent(id)}`, { method: 'PUT', body: change }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TemporaryPassword>(`/api/users/${encodeURIComponent(id)}/password-reset`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export const useChangePassword = () =>
  useMutation({ mutationFn: (input: ChangePasswordInput) => apiFetch<{ user: UserSummary }>('/api/account/password', { method: 'POST', body: input }) });
