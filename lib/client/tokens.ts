import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTokenInput, TokenSummary } from '@/lib/schemas/tokens';
import { apiFetch } from './api';

const KEY = ['tokens'];

export const useTokens = (initial?: TokenSummary[]) =>
  useQuery({ queryKey: KEY, queryFn: () => apiFetch<{ tokens: TokenSummary[] }>('/api/tokens').then((r) => r.tokens), initialData: initial });

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTokenInput) => apiFetch<TokenSummary & { token: string }>('/api/tokens', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TokenSummary>(`/api/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
