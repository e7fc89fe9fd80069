// fetch wrapper: JSON in, JSON out; error bodies ({ error: { code, message, fields } }) become ApiClientError.
import type { ApiErrorBody } from '@/lib/schemas/common';

export class ApiClientError extends Error {
  constructor(readonly status: number, readonly body: ApiErrorBody['error']) {
    super(body.message);
  }
}

export async function apiFetch<T>(url: string, init: Omit<RequestInit, 'body'> & { body?: unknown } = {}): Promise<T> {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiClientError(res.status, data?.error ?? { code: 'http_' + res.status, message: res.statusText });
  return data as T;
}
