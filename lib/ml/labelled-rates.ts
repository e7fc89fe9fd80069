// Precision, recall and FPR of served decisions from the items analysts labelled.
//
// Analysts label most flagged items but only a sample of the allowed ones. Counted as they stand, a 5% sample of
// allowed items would weigh as all of them and recall would read far too high. So each labelled item stands for
// the unlabelled items on its side of the threshold: it is weighted by the inverse of the share labelled there
// (Horvitz–Thompson with two strata). Precision needs no weight: both of its counts are flagged items.

export interface LabelledCounts { tp: number; fp: number; tn: number; fn: number }

export interface LabelledRates { precision: number; recall: number; fpr: number }

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** `flagged` and `allowed`: every scored item on each side, labelled or not. */
export function labelledRates(c: LabelledCounts, flagged: number, allowed: number): LabelledRates {
  const flaggedWeight = c.tp + c.fp ? Math.max(1, flagged / (c.tp + c.fp)) : 1;
  const allowedWeight = c.tn + c.fn ? Math.max(1, allowed / (c.tn + c.fn)) : 1;
  const tp = c.tp * flaggedWeight, fp = c.fp * flaggedWeight, tn = c.tn * allowedWeight, fn = c.fn * allowedWeight;
  return { precision: ratio(c.tp, c.tp + c.fp), recall: ratio(tp, tp + fn), fpr: ratio(fp, fp + tn) };
}
