// Card and email models (the featurisers that predate event types) serving their built-in types. A card model
// replays the card's earlier payments rather than reading aggregates: the last 7 days, at most 50 per card,
// found through the entity links of the card payments type.
import type { Row } from '@/lib/ml/features';
import type { TrainedModel } from '@/lib/ml/model';
import type { FeatureMatrix } from '@/lib/ml/types';
import type { Prisma } from '@/lib/generated/sqlite/client';
import { db } from '../platform/db';

export const CARD_TYPE = 'card_transaction';
const HISTORY_DAYS = 7;
const HISTORY_PER_CARD = 50;

type Client = Pick<Prisma.TransactionClient, 'eventEntity'>;

/** Earlier payments of the rows' cards (before the earliest row), oldest first. */
export async function cardHistory(rows: Row[], client: Client = db()): Promise<Row[]> {
  const cards = [...new Set(rows.map((r) => String(r.cc_num ?? '')).filter(Boolean))];
  if (!cards.length) return [];
  const earliest = rows.reduce((m, r) => Math.min(m, Number(r.unix_time)), Infinity);
  if (!Number.isFinite(earliest)) return [];
  const links = [];
  // SQLite binds at most 999 parameters: ask for the cards in slices.
  for (let i = 0; i < cards.length; i += 500) {
    const slice = cards.slice(i, i + 500);
    const page = await client.eventEntity.findMany({
      where: { eventType: CARD_TYPE, entity: 'card', key: { in: slice }, occurredAt: { gte: new Date((earliest - HISTORY_DAYS * 86_400) * 1000), lt: new Date(earliest * 1000) } },
      orderBy: { occurredAt: 'desc' },
      take: slice.length * HISTORY_PER_CARD,
      select: { occurredAt: true, event: { select: { payload: true } } },
    });
    for (const link of page) links.push(link);
  }
  return links.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()).map((l) => l.event.payload as Row);
}

/** Each card's earlier payments, grouped once, so a batch does not rescan the history per row. */
export function cardTimeline(history: Row[]) {
  const byCard = new Map<string, Row[]>();
  const add = (row: Row) => {
    const card = String(row.cc_num);
    const list = byCard.get(card);
    if (list) list.push(row);
    else byCard.set(card, [row]);
  };
  history.forEach(add);
  return { before: (row: Row) => [...(byCard.get(String(row.cc_num)) ?? [])], add };
}

/** The feature columns the version's drift baseline tracks (its most important features), stored per event. */
export function monitoredValues(model: TrainedModel, X: FeatureMatrix, i: number): Record<string, number | null> {
  const wanted = new Set(model.baseline.features.map((f) => f.name));
  const out: Record<string, number | null> = {};
  X.names.forEach((name, j) => {
    if (wanted.has(name)) out[name] = Number.isFinite(X.columns[j][i]) ? X.columns[j][i] : null;
  });
  return out;
}
