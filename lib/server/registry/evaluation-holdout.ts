// The common holdout of an evaluation: its labelled rows, and every version's scores on exactly those rows,
// each with the featurisation its own artefact needs (velocity history, replayed event aggregates…).
import { formatDateTime } from '@/lib/format';
import { parseLabel } from '@/lib/ml/features/values';
import { viewOf } from '@/lib/ml/table';
import type { EvaluationHoldout } from '@/lib/schemas/evaluation';
import { typeOfKind } from '@/lib/schemas/scope';
import { replayLabelled } from '../monitoring/backtest';
import { loadDatasetTable } from '../datasets';
import { db } from '../platform/db';
import { describeTarget, type EvaluateJobPayload } from './evaluation';
import { loadVersion } from './models';

/** The latest this many labelled rows of a period are evaluated (as backtests do). */
export const PERIOD_ROW_CAP = 100_000;

export interface ScoredHoldout {
  holdout: Omit<EvaluationHoldout, 'positives' | 'negatives'>;
  y: Uint8Array;
  /** One array per version, in request order, aligned with y. */
  scores: Float64Array[];
}

type OnScored = (done: number, total: number) => Promise<void>;

async function scoreDataset(datasetVersionId: string, versionIds: string[], onScored: OnScored): Promise<ScoredHoldout> {
  const { table, version } = await loadDatasetTable(datasetVersionId);
  const dataset = await db().dataset.findUniqueOrThrow({ where: { id: version.datasetId }, select: { name: true, kind: true } });
  const read = viewOf(table).reader(version.labelColumn);
  // Unlabelled rows are still scored (they are history for velocity and aggregates) but not measured.
  const labelled: number[] = [];
  const labels: number[] = [];
  for (let i = 0; read && i < table.nRows; i++) {
    const l = parseLabel(read(i));
    if (l !== null) { labelled.push(i); labels.push(l); }
  }
  const y = Uint8Array.from(labels);
  const scores: Float64Array[] = [];
  for (const id of versionIds) {
    const all = (await loadVersion(id)).scoreRows(table);
    scores.push(Float64Array.from(labelled, (i) => all[i]));
    await onScored(scores.length, versionIds.length);
  }
  return {
    holdout: {
      type: 'dataset',
      description: `Dataset ${dataset.name} v${version.version}: all ${y.length.toLocaleString('en-US')} labelled rows`,
      kind: version.eventType ? 'event' : dataset.kind, eventType: version.eventType,
      dataset: { id: version.datasetId, versionId: version.id, name: dataset.name, version: version.version },
      from: null, to: null, rows: y.length, truncated: 0,
    },
    y, scores,
  };
}

async function scorePeriod(payload: EvaluateJobPayload, from: Date, to: Date, onScored: OnScored): Promise<ScoredHoldout> {
  const { target, request } = payload;
  const scores: Float64Array[] = [];
  let first: { ids: string[]; y: Uint8Array } | null = null;
  for (const id of request.versionIds) {
    // Same kind or type, period and cap → the same rows for every version; checked below all the same.
    const replay = await replayLabelled(id, { from, to, limit: PERIOD_ROW_CAP });
    if (!first) first = replay;
    else if (replay.ids.length !== first.ids.length || replay.ids.some((x, i) => x !== first!.ids[i])) {
      throw new Error('The labelled rows changed while the versions were scored; run the evaluation again.');
    }
    scores.push(replay.p);
    await onScored(scores.length, request.versionIds.length);
  }
  const occurredAt = { gte: from, lt: to };
  const total = await db().event.count({ where: { eventType: target.eventType ?? typeOfKind(target.kind), label: { not: null }, occurredAt } });
  const rows = first?.y.length ?? 0;
  const truncated = Math.max(0, total - rows);
  return {
    holdout: {
      type: 'period',
      description: `Labelled ${describeTarget(target)} from ${formatDateTime(from)} to ${formatDateTime(to)}: ${truncated ? `the latest ${rows.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}` : `all ${rows.toLocaleString('en-US')}`} rows`,
      kind: target.kind, eventType: target.eventType, dataset: null,
      from: from.toISOString(), to: to.toISOString(), rows, truncated,
    },
    y: first?.y ?? new Uint8Array(0), scores,
  };
}

export function scoreHoldout(payload: EvaluateJobPayload, onScored: OnScored): Promise<ScoredHoldout> {
  const h = payload.request.holdout;
  return 'datasetVersionId' in h ? scoreDataset(h.datasetVersionId, payload.request.versionIds, onScored) : scorePeriod(payload, h.from, h.to, onScored);
}
