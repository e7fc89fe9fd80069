// Every error body stays small whatever went into it: long messages, many fields or long field names
// (from hostile input) are clipped here, in the one place all error responses pass through.
import type { ApiErrorBody } from '@/lib/schemas/common';

type ErrorDetail = ApiErrorBody['error'];

export const ERROR_LIMITS = { message: 800, key: 120, text: 300, perField: 3, fieldsBytes: 3_500 } as const;

/** Cuts a string to at most `max` characters, marking the cut; control characters become spaces. */
export function clip(text: string, max: number): string {
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

/** The same error with a bounded message and fields; a prototype-free map keeps keys such as "__proto__". */
export function capErrorDetail(detail: ErrorDetail): ErrorDetail {
  const message = clip(detail.message, ERROR_LIMITS.message);
  if (!detail.fields) return { code: clip(detail.code, 80), message };
  const fields: Record<string, string[]> = Object.create(null);
  const entries = Object.entries(detail.fields);
  let budget: number = ERROR_LIMITS.fieldsBytes;
  let shown = 0;
  for (const [key, texts] of entries) {
    const k = clip(key, ERROR_LIMITS.key);
    const list = (Array.isArray(texts) ? texts : [String(texts)]).slice(0, ERROR_LIMITS.perField).map((t) => clip(String(t), ERROR_LIMITS.text));
    const cost = Buffer.byteLength(JSON.stringify([k, list]));
    if (cost > budget) break;
    budget -= cost;
    fields[k] = list;
    shown++;
  }
  if (shown < entries.length) fields['(more)'] = [`${entries.length - shown} more problems not shown.`];
  return { code: clip(detail.code, 80), message, fields };
}
