import { redirect } from 'next/navigation';
import { LEGACY_KIND_TYPES } from '@/lib/schemas/scope';

// Card payments are events of the built-in card_transaction type: the old page's links open the Events page with
// the filters both pages share.
const SHARED = ['decision', 'label', 'minAmount', 'maxAmount', 'from', 'to'] as const;

export default async function TransactionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const params = new URLSearchParams({ type: LEGACY_KIND_TYPES.transaction });
  for (const key of SHARED) {
    const v = raw[key];
    if (typeof v === 'string' && v !== '') params.set(key, v);
  }
  redirect(`/events?${params.toString()}`);
}
