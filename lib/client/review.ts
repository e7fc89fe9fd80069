// Review queue data and labels. Labels are optimistic: the item leaves the cached queue at once and the total
// drops; an error puts it back (or, on a 409, re-reads the queue because someone else changed the item).
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Decision } from '@/lib/schemas/responses/common';
import type { BulkLabelResult, QueueItem, QueuePage } from '@/lib/schemas/responses/transactions';
import { ApiClientError, apiFetch } from './api';

export type { Decision, QueueItem, QueuePage };
export type LabelValue = 'fraud' | 'legit';

export const QUEUE_LIMIT = 100;
const ROOT = ['review-queue'] as const;
export const queueKey = (filters: string) => [...ROOT, filters] as const;

export function useQueue(filters: string, initial: QueuePage) {
  return useQuery({
    queryKey: queueKey(filters),
    queryFn: ({ signal }) => apiFetch<QueuePage>(`/api/review/queue?${withLimit(filters)}`, { signal }),
    initialData: initial,
  });
}

const withLimit = (filters: string) => {
  const p = new URLSearchParams(filters);
  p.set('limit', String(QUEUE_LIMIT));
  return p.toString();
};

const byRisk = (a: QueueItem, b: QueueItem) => (b.score ?? 0) - (a.score ?? 0) || (a.id < b.id ? -1 : 1);

function removeItems(qc: QueryClient, filters: string, ids: Set<string>) {
  qc.setQueryData<QueuePage>(queueKey(filters), (page) => {
    if (!page) return page;
    const items = page.items.filter((i) => !ids.has(i.id));
    return { ...page, items, total: Math.max(0, page.total - (page.items.length - items.length)) };
  });
}

function restoreItems(qc: QueryClient, filters: string, back: QueueItem[]) {
  qc.setQueryData<QueuePage>(queueKey(filters), (page) => {
    if (!page) return page;
    const fresh = back.filter((b) => !page.items.some((i) => i.id === b.id));
    return { ...page, items: [...page.items, ...fresh].sort(byRisk), total: page.total + fresh.length };
  });
}

/** Re-read the queue only when no other label is in flight, so a refetch never resurrects an item mid-flight. */
function settle(qc: QueryClient) {
  if (qc.isMutating({ mutationKey: ROOT }) <= 1) return qc.invalidateQueries({ queryKey: ROOT });
}

const isConflict = (err: unknown) => err instanceof ApiClientError && err.status === 409;

export const postLabel = (id: string, label: LabelValue | null, expectedVersion: number) =>
  apiFetch<QueueItem>(`/api/transactions/${id}/label`, { method: 'POST', body: { label, expectedVersion } });

export function useLabel(filters: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ROOT,
    mutationFn: ({ item, label }: { item: QueueItem; label: LabelValue }) => postLabel(item.id, label, item.version),
    onMutate: async ({ item }) => {
      await qc.cancelQueries({ queryKey: ROOT });
      removeItems(qc, filters, new Set([item.id]));
    },
    onError: (err, { item }) => {
      if (!isConflict(err)) restoreItems(qc, filters, [item]);
    },
    onSettled: () => settle(qc),
  });
}

/** Undo: set the label back to null with the version the label call returned; the item returns at once. */
export function useUndoLabel(filters: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ROOT,
    mutationFn: ({ item, expectedVersion }: { item: QueueItem; expectedVersion: number }) => postLabel(item.id, null, expectedVersion),
    onMutate: async ({ item, expectedVersion }) => {
      await qc.cancelQueries({ queryKey: ROOT });
      restoreItems(qc, filters, [{ ...item, version: expectedVersion + 1, label: null }]);
    },
    onError: (_err, { item }) => removeItems(qc, filters, new Set([item.id])),
    onSettled: () => settle(qc),
  });
}

export type BulkResult = BulkLabelResult;

export function useBulkLabel(filters: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ROOT,
    mutationFn: ({ items, label }: { items: QueueItem[]; label: LabelValue }) =>
      apiFetch<BulkResult>('/api/transactions/label', { method: 'POST', body: { label, items: items.map((i) => ({ id: i.id, expectedVersion: i.version })) } }),
    onMutate: async ({ items }) => {
      await qc.cancelQueries({ queryKey: ROOT });
      removeItems(qc, filters, new Set(items.map((i) => i.id)));
    },
    onError: (_err, { items }) => restoreItems(qc, filters, items),
    onSettled: () => settle(qc),
  });
}

/** Single-item label outside the queue (the detail page). */
export const useLabelOne = (id: string) =>
  useMutation({ mutationFn: ({ label, expectedVersion }: { label: LabelValue | null; expectedVersion: number }) => postLabel(id, label, expectedVersion) });

export { isConflict };
