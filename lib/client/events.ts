// Events of any type: the server renders page one, "Load more" follows the cursor through GET /api/events;
// labels post the event's version so a stale page gets a 409 instead of overwriting a colleague.
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type { EventItem } from '@/lib/schemas/responses/events';
import type { Reason } from './scoring';
import { apiFetch } from './api';

/** One event as GET /api/events returns it (the shared contract; sensitive fields already masked by the server). */
export type EventRow = Omit<EventItem, 'payload' | 'features'> & { payload: Record<string, unknown>; features: Record<string, number | null> | null };
export interface EventPage { items: EventRow[]; nextCursor: string | null }

export interface EntityPanel {
  entity: string;
  key: string;
  count: number;
  events: Pick<EventRow, 'id' | 'externalId' | 'occurredAt' | 'amount' | 'score' | 'decision' | 'label'>[];
}
export interface EventDetail extends EventRow { entities: EntityPanel[] }

const withCursor = (filters: string, cursor: string) => {
  const p = new URLSearchParams(filters);
  if (cursor) p.set('cursor', cursor);
  return p.toString();
};

export function useEventSearch(filters: string, initial: EventPage) {
  return useInfiniteQuery({
    queryKey: ['events-search', filters],
    queryFn: ({ pageParam, signal }) => apiFetch<EventPage>(`/api/events?${withCursor(filters, pageParam as string)}`, { signal }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: { pages: [initial], pageParams: [''] },
  });
}

/** The export takes the same filters as the list, but needs a type. */
export const eventExportHref = (filters: string) => `/api/events/export?${filters}`;

export const useLabelEvent = (id: string) =>
  useMutation({
    mutationFn: (input: { label: 'fraud' | 'legit'; version: number }) => apiFetch<EventRow>(`/api/events/${encodeURIComponent(id)}/label`, { method: 'POST', body: input }),
  });

/** POST /api/score/{type} with one event: the decision without storing anything. */
export interface EventScore {
  externalId: string;
  probability: number;
  score: number;
  decision: 'allow' | 'review' | 'block';
  reasons: Reason[];
  modelVersionId: string;
  typeVersion: number;
  thresholds: { review: number; block: number };
  aggregates: Record<string, number | null>;
  ignored?: string[];
}

export const useScoreEvent = () =>
  useMutation({
    mutationFn: (input: { type: string; event: Record<string, unknown>; modelVersionId?: string }) =>
      apiFetch<EventScore>(`/api/score/${encodeURIComponent(input.type)}`, { method: 'POST', body: { event: input.event, ...(input.modelVersionId ? { modelVersionId: input.modelVersionId } : {}) } }),
  });

/** POST /api/events/{type} with one event: ingested as live traffic (scored by production, stored); answers its id. */
export const useStoreEvent = () =>
  useMutation({
    mutationFn: async (input: { type: string; event: Record<string, unknown> }) => {
      const out = await apiFetch<{ results: { id: string; duplicate?: true }[] }>(`/api/events/${encodeURIComponent(input.type)}`, { method: 'POST', body: { events: [input.event] } });
      return out.results[0];
    },
  });
