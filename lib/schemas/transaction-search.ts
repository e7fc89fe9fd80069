// Filters of the transactions page, its JSON paging API and its CSV export: one schema, so the URL round-trips.
import { z } from 'zod';
import { isoDay, safeString } from './common';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalNumber = z.preprocess(blankToUndefined, z.coerce.number().finite().min(-1e12).max(1e12).optional());
const optionalDate = z.preprocess(blankToUndefined, isoDay().optional());

export const DECISION_FILTERS = ['allow', 'review', 'block', 'unscored'] as const;
export const LABEL_FILTERS = ['fraud', 'legit', 'unlabelled'] as const;

export const TransactionSearchQuery = z.object({
  /** Matches the external id, merchant or card number. */
  q: z.preprocess(blankToUndefined, safeString(100).trim().optional()),
  decision: z.preprocess(blankToUndefined, z.enum(DECISION_FILTERS).optional()),
  label: z.preprocess(blankToUndefined, z.enum(LABEL_FILTERS).optional()),
  category: z.preprocess(blankToUndefined, safeString(60).optional()),
  minAmount: optionalNumber,
  maxAmount: optionalNumber,
  from: optionalDate,
  to: optionalDate,
  cursor: z.preprocess(blankToUndefined, safeString(64).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TransactionSearchQuery = z.infer<typeof TransactionSearchQuery>;

/** The filter keys kept in the URL (paging keys excluded). */
export const SEARCH_FILTER_KEYS = ['q', 'decision', 'label', 'category', 'minAmount', 'maxAmount', 'from', 'to'] as const;

export function searchParamsOf(q: Partial<Record<(typeof SEARCH_FILTER_KEYS)[number], string | number | undefined>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of SEARCH_FILTER_KEYS) {
    const v = q[key];
    if (v !== undefined && v !== '') params.set(key, String(v));
  }
  return params;
}

/**
 * URL filters are hand-editable: an invalid one is dropped (and reported) rather than failing the page
 * or silently discarding the valid ones beside it.
 */
export function parseFilters<S extends z.ZodType>(schema: S, values: Record<string, string>): { data: z.infer<S>; kept: Record<string, string>; dropped: string[] } {
  const kept = { ...values };
  const dropped: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const parsed = schema.safeParse(kept);
    if (parsed.success) return { data: parsed.data, kept, dropped };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (key in kept) {
        dropped.push(`${key} (${issue.message})`);
        delete kept[key];
      }
    }
  }
  return { data: schema.parse({}), kept: {}, dropped: Object.keys(values) };
}
