// Registry mutations. Pages render from the server; after a change we refresh the route so the
// server components re-read the registry (stage badges, production pointer, audit history).
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { Kind, ModelStage } from '@/lib/schemas/models';
import type { VersionSummary as RegistryVersionSummary } from '@/lib/schemas/responses/models';
import { apiFetch } from './api';

/** The fields of a version (lib/schemas/responses/models) the registry views read after a stage change. */
export type VersionSummary = Pick<RegistryVersionSummary, 'id' | 'version' | 'kind' | 'stage' | 'note' | 'promotedAt'>;

function useRefreshingMutation<I>(fn: (input: I) => Promise<VersionSummary>) {
  const router = useRouter();
  return useMutation({ mutationFn: fn, onSuccess: () => router.refresh() });
}

export const usePromote = (versionId: string) =>
  useRefreshingMutation((note: string) => apiFetch<VersionSummary>(`/api/models/versions/${versionId}/promote`, { method: 'POST', body: { note } }));

export const useSetStage = (versionId: string) =>
  useRefreshingMutation((input: { stage: ModelStage; note: string }) => apiFetch<VersionSummary>(`/api/models/versions/${versionId}/stage`, { method: 'POST', body: input }));

export const useRollback = () =>
  useRefreshingMutation((input: { kind: Kind; note?: string }) => apiFetch<VersionSummary>('/api/models/rollback', { method: 'POST', body: input }));

export const compareHref = (ids: readonly string[]) => `/models/compare?ids=${ids.map(encodeURIComponent).join(',')}`;
