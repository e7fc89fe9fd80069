// Event type definitions from the browser: create (POST) or new version (PUT), infer from a CSV head, and import
// a CSV as a dataset of the type. API errors keep their per-field messages for the editor.
import { useMutation } from '@tanstack/react-query';
import type { EventTypeDefinition } from '@/lib/ml/events/definition';
import type { ApiErrorBody } from '@/lib/schemas/common';
import type { ImportedVersion } from '@/lib/schemas/datasets';
import { ApiClientError, apiFetch } from './api';

export interface EventTypeDetailView {
  name: string;
  label: string | null;
  currentVersion: number;
  builtIn: boolean;
  definition: EventTypeDefinition;
  versions: { version: number; definition: EventTypeDefinition; createdById: string | null; createdAt: string }[];
}

export interface InferredEventType { definition: EventTypeDefinition; ignored: string[]; notes: string[]; rowsRead: number }

/** The head sent for inference: enough rows to guess types, far under the API's 1 MB. */
export const INFER_BYTES = 256 * 1024;

export const useSaveEventType = (existing: string | null) =>
  useMutation<EventTypeDetailView, ApiClientError, EventTypeDefinition>({
    mutationFn: (def) => existing
      ? apiFetch<EventTypeDetailView>(`/api/event-types/${encodeURIComponent(existing)}`, { method: 'PUT', body: def })
      : apiFetch<EventTypeDetailView>('/api/event-types', { method: 'POST', body: def }),
  });

export const useInferEventType = () =>
  useMutation<InferredEventType, ApiClientError, { csv: string; name?: string }>({
    mutationFn: (body) => apiFetch<InferredEventType>('/api/event-types/infer', { method: 'POST', body }),
  });

/** The whole file as a dataset of the type (POST /api/datasets/import?eventType=…; the body is the raw CSV). */
export async function importEventCsv(file: File, query: { name: string; eventType: string; label: string }): Promise<ImportedVersion> {
  const res = await fetch(`/api/datasets/import?${new URLSearchParams(query)}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: file });
  const data = (await res.json().catch(() => null)) as (ImportedVersion & Partial<ApiErrorBody>) | null;
  if (!res.ok || !data) throw new ApiClientError(res.status, data?.error ?? { code: `http_${res.status}`, message: res.statusText || 'Import failed' });
  return data;
}

/** API field errors ('fields.3.name', 'aggregates.0.window', 'idField') as a lookup for the editor. */
export function fieldErrors(err: unknown): Record<string, string[]> {
  return err instanceof ApiClientError && err.body.fields ? err.body.fields : {};
}
