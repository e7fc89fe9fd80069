// Dataset imports from the browser: preview the start of a file, upload it with progress (XHR), or import a server path.
import { useMutation } from '@tanstack/react-query';
import type { ApiErrorBody } from '@/lib/schemas/common';
import type { CsvPreview, ImportPathInput, ImportQuery, ImportedVersion, SnapshotLabelsInput, SnapshotLabelsResult } from '@/lib/schemas/datasets';
import { ApiClientError, apiFetch } from './api';

export const PREVIEW_BYTES = 64 * 1024;

/** Sends only the first 64 KB: the server never sees the rest of the file for a preview. */
export async function previewFile(file: File): Promise<CsvPreview> {
  const partial = file.size > PREVIEW_BYTES ? '?partial=1' : '';
  const res = await fetch(`/api/datasets/preview${partial}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: file.slice(0, PREVIEW_BYTES) });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiClientError(res.status, data?.error ?? { code: `http_${res.status}`, message: res.statusText });
  return data as CsvPreview;
}

export const previewPath = (path: string) => apiFetch<CsvPreview>('/api/datasets/preview', { method: 'POST', body: { path } });

export function importQueryString(q: ImportQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  return params.toString();
}

/** XMLHttpRequest rather than fetch: only XHR reports upload progress (xhr.upload.onprogress). */
export function uploadCsv(file: File, query: ImportQuery, onProgress: (fraction: number) => void): Promise<ImportedVersion> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/datasets/import?${importQueryString(query)}`);
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      const body = xhr.response as (ImportedVersion & Partial<ApiErrorBody>) | null;
      if (xhr.status >= 200 && xhr.status < 300 && body) return resolve(body);
      reject(new ApiClientError(xhr.status, body?.error ?? { code: `http_${xhr.status}`, message: xhr.statusText || 'Upload failed' }));
    };
    xhr.onerror = () => reject(new ApiClientError(0, { code: 'network', message: 'The upload was interrupted (network error).' }));
    xhr.send(file);
  });
}

export const usePreview = () =>
  useMutation<CsvPreview, ApiClientError, { file: File } | { path: string }>({
    mutationFn: (input) => ('file' in input ? previewFile(input.file) : previewPath(input.path)),
  });

export const useImportPath = () =>
  useMutation<ImportedVersion, ApiClientError, ImportPathInput>({
    mutationFn: (input) => apiFetch<ImportedVersion>('/api/datasets/import-path', { method: 'POST', body: input }),
  });

export const useSnapshotLabels = () =>
  useMutation<SnapshotLabelsResult, ApiClientError, SnapshotLabelsInput>({
    mutationFn: (input) => apiFetch<SnapshotLabelsResult>('/api/datasets/snapshot-labels', { method: 'POST', body: input }),
  });
