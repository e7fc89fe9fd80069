// The measuring of "Evaluate on…" (in the evaluation child process): every version scored on the same holdout rows,
// then ROC-AUC, PR-AUC and recall at its threshold with bootstrap intervals, recall at 0.1% and 1% FPR, a log-FPR ROC.
import { createBootstrap, pairedDifference, type Bootstrap, type BootstrapResult } from '@/lib/ml/bootstrap';
import { logRocCurve, recallAtFpr, smallSampleWarning } from '@/lib/ml/metrics';
import type { EvaluatedVersion, EvaluationResult } from '@/lib/schemas/evaluation';
import { db } from '../platform/db';
import type { EvaluateJobPayload } from './evaluation';
import { scoreHoldout } from './evaluation-holdout';

export const BOOTSTRAP_RESAMPLES = 200;
export const FPR_TARGETS = [0.001, 0.01];
const RESAMPLES_PER_STEP = 20;

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** A problem with the data or the versions that a retry cannot fix. */
export class EvaluationDataError extends Error {}

export type EvaluationProgress = (fraction: number, message: string) => void | Promise<void>;

export async function runEvaluation(payload: EvaluateJobPayload, progress: EvaluationProgress): Promise<EvaluationResult> {
  const started = Date.now();
  const ids = payload.request.versionIds;
  const rows = await db().modelVersion.findMany({ where: { id: { in: ids } }, select: { id: true, version: true, threshold: true, model: { select: { name: true } } } });
  const versions = ids.map((id) => {
    const v = rows.find((r) => r.id === id);
    if (!v) throw new EvaluationDataError(`Model version ${id} no longer exists.`);
    return v;
  });

  await progress(0.02, 'loading the holdout');
  // Scoring is most of the work; the bootstrap takes the last fifth.
  const scored = await scoreHoldout(payload, async (done, total) => progress(0.05 + 0.75 * (done / total), `scored ${done} of ${total} versions`));
  const { y } = scored;
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i];
  const negatives = y.length - positives;
  if (!positives || !negatives) throw new EvaluationDataError(`The holdout has ${positives} fraud and ${negatives} legitimate labelled rows; an evaluation needs both classes.`);

  const evaluated: EvaluatedVersion[] = [];
  let first: { result: BootstrapResult; draws: ReturnType<Bootstrap['draws']> } | null = null;
  for (const [i, v] of versions.entries()) {
    const p = scored.scores[i];
    const boot = createBootstrap(y, p, v.threshold, { resamples: BOOTSTRAP_RESAMPLES, seed: 7 });
    // In steps, so the progress shown moves during a long bootstrap.
    for (let done = 0; done < boot.total;) {
      done = boot.step(RESAMPLES_PER_STEP);
      await progress(0.8 + (0.2 * (i + done / boot.total)) / versions.length, `bootstrap of ${v.model.name} v${v.version}: ${done} of ${boot.total} resamples`);
    }
    const b = boot.result();
    const draws = boot.draws();
    // Same labels and seed → resample r draws the same rows for every version, so the differences pair up.
    const vsFirst = first && {
      rocAuc: pairedDifference({ point: first.result.rocAuc.point, draws: first.draws.rocAuc }, { point: b.rocAuc.point, draws: draws.rocAuc }),
      averagePrecision: pairedDifference({ point: first.result.averagePrecision.point, draws: first.draws.averagePrecision }, { point: b.averagePrecision.point, draws: draws.averagePrecision }),
    };
    first ??= { result: b, draws };
    evaluated.push({
      id: v.id, label: `${v.model.name} v${v.version}`, threshold: v.threshold,
      rocAuc: b.rocAuc, averagePrecision: b.averagePrecision, recall: b.recall, vsFirst,
      recallAtFpr: FPR_TARGETS.map((fpr) => ({ fpr, recall: finite(recallAtFpr(y, p, fpr)) })),
      roc: logRocCurve(y, p).map(({ x, y: tpr }) => ({ x, y: tpr })),
    });
  }
  const result: EvaluationResult = {
    likeForLike: true,
    holdout: { ...scored.holdout, positives, negatives },
    smallSample: smallSampleWarning(positives, negatives),
    resamples: BOOTSTRAP_RESAMPLES,
    versions: evaluated,
    durationMs: Date.now() - started,
  };
  return result;
}
