// The live score tester: a debounced email query (keyed by address and version, so typing back to an
// earlier address is instant from cache), a save mutation, and a transaction mutation.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiFetch } from './api';

import type { Decision, Reason } from '@/lib/schemas/responses/common';
import type { ScoreAnswer } from '@/lib/schemas/responses/scoring';

export type { Decision, Reason };
export type ScoreResponse = ScoreAnswer;

export function useDebounced<T>(value: T, ms = 250): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/** Cheap client-side gate so half-typed input doesn't hit the API; the server still validates. */
export const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.trim());

export function useEmailScore(email: string, modelVersionId: string | undefined) {
  const debounced = useDebounced(email.trim());
  return useQuery({
    queryKey: ['score-email', debounced, modelVersionId ?? 'production'],
    queryFn: ({ signal }) => apiFetch<ScoreResponse>('/api/score/email', { method: 'POST', body: { email: debounced, ...(modelVersionId ? { modelVersionId } : {}) }, signal }),
    enabled: looksLikeEmail(debounced),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

export const useSaveEmailCheck = () =>
  useMutation({
    mutationFn: (input: { email: string; modelVersionId?: string }) => apiFetch<ScoreResponse>('/api/score/email', { method: 'POST', body: { ...input, save: true } }),
  });

export const useScoreTransaction = () =>
  useMutation({
    mutationFn: (input: { transaction: Record<string, unknown>; modelVersionId?: string }) =>
      apiFetch<ScoreResponse>('/api/score/transaction', { method: 'POST', body: input }),
  });
