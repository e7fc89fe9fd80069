// The dead-letter table: messages that can never be ingested, kept with a reason people can act on.
import type { DeadLetterView, DeadLettersQuery } from '@/lib/schemas/dead-letters';
import { db } from './db';

/** Enough of a message to recognise it; the rest is cut. */
export const PAYLOAD_PREVIEW_CHARS = 4096;
const REASON_CHARS = 1000;

/**
 * Text that any database column holds and any page shows: NUL and other control characters (tab and
 * line breaks kept) become \u escapes, and the text is cut at `max` characters with a note of the full size.
 */
export function printablePreview(text: string, max = PAYLOAD_PREVIEW_CHARS): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  const escaped = cut.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > max ? `${escaped}… (${text.length.toLocaleString('en')} characters in all)` : escaped;
}

export async function recordDeadLetter(input: { source: string; reference?: string | null; payload: string; reason: string }) {
  return db().deadLetter.create({
    data: {
      source: printablePreview(input.source, 200),
      reference: input.reference ?? null,
      payload: printablePreview(input.payload),
      reason: printablePreview(input.reason, REASON_CHARS),
    },
    select: { id: true },
  });
}

/** Newest first, cursor-paged by id. */
export async function listDeadLetters(q: DeadLettersQuery): Promise<{ deadLetters: DeadLetterView[]; nextCursor: string | null }> {
  const rows = await db().deadLetter.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, q.limit);
  return {
    deadLetters: page.map((r) => ({ id: r.id, source: r.source, reference: r.reference, payload: r.payload, reason: r.reason, createdAt: r.createdAt.toISOString() })),
    nextCursor: rows.length > q.limit ? page[page.length - 1].id : null,
  };
}
