// Champion vs challenger: the production and shadow versions of a kind, on the same traffic.
// Each is judged at its own review threshold (the flag cut: anything at or above it reaches a person).
import { typeOfKind } from '@/lib/schemas/scope';
import { expectedCost } from '@/lib/ml/threshold';
import type { Kind } from '@/lib/schemas/models';
import { versionCosts } from './backtest';
import { db } from '../platform/db';
import { productionScaler } from '../decisions/expected-rate';

const MAX_ROWS = 200_000;
const VERSION = { id: true, version: true, stage: true, algorithm: true, threshold: true, reviewThreshold: true, blockThreshold: true, createdAt: true, model: { select: { name: true } } } as const;

export interface SideStats {
  id: string; label: string; algorithm: string; flagCut: number;
  precision: number | null; recall: number | null; flagRate: number | null;
  /** Sum of false-alarm and missed-fraud costs on the labelled rows, and per labelled row. */
  cost: number | null; costPerItem: number | null; costs: { fp: number; fn: number };
}

function side(v: { id: string; version: number; algorithm: string; reviewThreshold: number; model: { name: string } }, costs: { fp: number; fn: number }, scores: number[], labelled: { p: number; y: number }[]): SideStats {
  const cut = v.reviewThreshold;
  let tp = 0, fp = 0, fn = 0, flagged = 0;
  for (const p of scores) if (p >= cut) flagged++;
  for (const { p, y } of labelled) { if (p >= cut) { if (y) tp++; else fp++; } else if (y) fn++; }
  const cost = labelled.length ? expectedCost(labelled.map((l) => l.y), labelled.map((l) => l.p), cut, costs.fp, costs.fn) : null;
  return {
    id: v.id, label: `${v.model.name} v${v.version}`, algorithm: v.algorithm, flagCut: cut, costs,
    precision: tp + fp ? tp / (tp + fp) : null, recall: tp + fn ? tp / (tp + fn) : null,
    flagRate: scores.length ? flagged / scores.length : null,
    cost, costPerItem: cost === null ? null : cost / labelled.length,
  };
}

/** A kind's slot, or with `eventType` that type's slot (event:<type>) and its stored events. */
export async function championChallenger(kind: Kind, opts: { eventType?: string } = {}) {
  const slot = `event:${opts.eventType ?? typeOfKind(kind)}`;
  const [champion, challenger] = await Promise.all(
    (['production', 'shadow'] as const).map((stage) => db().modelVersion.findFirst({ where: { servingSlot: slot, stage }, select: VERSION })),
  );
  const base = { kind, ...(opts.eventType ? { eventType: opts.eventType } : {}), champion: champion ? { id: champion.id, label: `${champion.model.name} v${champion.version}` } : null, challenger: challenger ? { id: challenger.id, label: `${challenger.model.name} v${challenger.version}` } : null };
  if (!champion || !challenger) return { ...base, compared: 0, labelled: 0, positives: 0, agreement: null, sides: null };
  // Only rows both scored: production at the time was this champion and the shadow was this challenger.
  const where = { modelVersionId: champion.id, shadowModelVersionId: challenger.id, score: { not: null }, shadowScore: { not: null } };
  const query = { orderBy: { occurredAt: 'desc' as const }, take: MAX_ROWS, select: { score: true, shadowScore: true, label: true } };
  const rows = await db().event.findMany({ where: { ...where, eventType: opts.eventType ?? typeOfKind(kind) }, ...query });
  // Stored scores are calibrated at each version's training rate; the flag cuts apply on the production scale.
  const [toChampion, toChallenger] = await Promise.all([productionScaler(champion.id), productionScaler(challenger.id)]);
  for (const r of rows) { r.score = toChampion(r.score!); r.shadowScore = toChallenger(r.shadowScore!); }
  let agree = 0;
  for (const r of rows) if ((r.score! >= champion.reviewThreshold) === (r.shadowScore! >= challenger.reviewThreshold)) agree++;
  const labelled = rows.filter((r) => r.label !== null);
  const y = (r: (typeof rows)[number]) => (r.label === 'fraud' ? 1 : 0);
  const [cc, sc] = await Promise.all([versionCosts(champion.id), versionCosts(challenger.id)]);
  return {
    ...base,
    compared: rows.length, labelled: labelled.length, positives: labelled.filter((r) => r.label === 'fraud').length,
    agreement: rows.length ? agree / rows.length : null,
    sides: {
      champion: side(champion, cc, rows.map((r) => r.score!), labelled.map((r) => ({ p: r.score!, y: y(r) }))),
      challenger: side(challenger, sc, rows.map((r) => r.shadowScore!), labelled.map((r) => ({ p: r.shadowScore!, y: y(r) }))),
    },
  };
}
export type ChampionChallenger = Awaited<ReturnType<typeof championChallenger>>;
