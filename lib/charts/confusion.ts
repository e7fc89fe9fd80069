// The confusion matrix at the threshold as a 2×2 grid: rows are the truth, columns the decision.
export interface ConfusionCounts { tp: number; fp: number; tn: number; fn: number }
export type CellTone = 'good' | 'bad';
export interface ConfusionCell { key: keyof ConfusionCounts; label: string; count: number; share: number; tone: CellTone; rowShare: number }

export function confusionCells(c: ConfusionCounts | null | undefined): ConfusionCell[] {
  if (!c) return [];
  const total = c.tp + c.fp + c.tn + c.fn;
  const positives = c.tp + c.fn;
  const negatives = c.tn + c.fp;
  const cell = (key: keyof ConfusionCounts, label: string, tone: CellTone, rowTotal: number): ConfusionCell => ({
    key, label, count: c[key], tone, share: total ? c[key] / total : 0, rowShare: rowTotal ? c[key] / rowTotal : 0,
  });
  // Reading order of the grid: actual fraud (caught, missed), then actual legit (false alarm, passed).
  return [
    cell('tp', 'Fraud caught', 'good', positives),
    cell('fn', 'Fraud missed', 'bad', positives),
    cell('fp', 'False alarm', 'bad', negatives),
    cell('tn', 'Legit passed', 'good', negatives),
  ];
}
