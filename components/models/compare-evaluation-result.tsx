// The result of an "Evaluate on…" job: which rows, then every version's metrics with 95% bootstrap intervals,
// recall at 0.1% and 1% FPR, and ROC curves on a log FPR axis. Like-for-like by construction, so winners are starred.
import { seriesColor } from '@/lib/charts/curves';
import { formatCount, formatDuration, formatMetric, formatPercent } from '@/lib/format';
import type { EvaluationResult, MetricInterval } from '@/lib/schemas/evaluation';
import { LogRocChart } from './compare-log-roc';

/** "0.951 (0.944–0.958)". */
export const fmtInterval = (m: MetricInterval) => (m.point === null ? '–' : m.lower === null || m.upper === null ? formatMetric(m.point) : `${formatMetric(m.point)} (${formatMetric(m.lower)}–${formatMetric(m.upper)})`);

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(4)}`;
/** "+0.0021 (−0.0004 to +0.0046)": a difference and its interval; ✓ when the interval excludes 0. */
const fmtDifference = (d: MetricInterval | undefined) => {
  if (!d || d.point === null) return '–';
  if (d.lower === null || d.upper === null) return signed(d.point);
  const clear = d.lower > 0 || d.upper < 0;
  return `${signed(d.point)} (${signed(d.lower)} to ${signed(d.upper)})${clear ? ' ✓' : ''}`;
};

/** values: null where no star applies (differences). */
type Row = { key: string; label: string; values: (number | null)[]; text: string[]; higher?: boolean };

function rowsOf(r: EvaluationResult): Row[] {
  const interval = (key: string, label: string, pick: (v: EvaluationResult['versions'][number]) => MetricInterval): Row => ({
    key, label, values: r.versions.map((v) => pick(v).point), text: r.versions.map((v) => fmtInterval(pick(v))),
  });
  const atFpr = (fpr: number): Row => {
    const values = r.versions.map((v) => v.recallAtFpr.find((x) => x.fpr === fpr)?.recall ?? null);
    return { key: `recall-fpr-${fpr}`, label: `Recall @ ${formatPercent(fpr, fpr < 0.01 ? 1 : 0)} FPR`, values, text: values.map((x) => formatMetric(x)) };
  };
  const first = r.versions[0]?.label ?? 'the first';
  const difference = (key: 'rocAuc' | 'averagePrecision', label: string): Row => ({
    key: `delta-${key}`, label: `${label} − ${first}`, higher: false, values: r.versions.map(() => null),
    text: r.versions.map((v) => (v.vsFirst ? fmtDifference(v.vsFirst[key]) : '–')),
  });
  return [
    interval('rocAuc', 'ROC-AUC', (v) => v.rocAuc),
    ...(r.versions.length > 1 ? [difference('rocAuc', 'ROC-AUC')] : []),
    interval('averagePrecision', 'PR-AUC', (v) => v.averagePrecision),
    ...(r.versions.length > 1 ? [difference('averagePrecision', 'PR-AUC')] : []),
    interval('recall', 'Recall @ threshold', (v) => v.recall),
    atFpr(0.001),
    atFpr(0.01),
  ];
}

export function EvaluationResultView({ result }: { result: EvaluationResult }) {
  const h = result.holdout;
  return (
    <div data-testid="evaluation-result">
      <div className="alert success" data-testid="evaluation-holdout">
        Like-for-like: every version was scored on the same {formatCount(h.rows)} rows ({formatCount(h.positives)} fraud, {formatCount(h.negatives)} legitimate). {h.description}.
        {h.truncated ? ` ${formatCount(h.truncated)} earlier labelled rows of the period were left out.` : ''} Intervals are 95% bootstrap percentiles over {result.resamples} class-stratified resamples · {formatDuration(result.durationMs)}.
      </div>
      {result.smallSample ? <div className="alert warn" data-testid="evaluation-small-sample">{result.smallSample}</div> : null}
      <table className="compare-table" data-testid="evaluation-metrics">
        <thead><tr><th>Metric</th>{result.versions.map((v, i) => <th key={v.id} className="num"><span className="swatch" style={{ background: seriesColor(i) }} />{v.label}</th>)}</tr></thead>
        <tbody>
          {rowsOf(result).map((row) => {
            const finite = row.values.filter((x): x is number => x !== null);
            const top = finite.length > 1 ? finite.reduce((a, b) => Math.max(a, b)) : null;
            // A tie has no winner: star only a single best value.
            const best = top !== null && finite.filter((x) => x === top).length === 1 ? top : null;
            return (
              <tr key={row.key}>
                <td>{row.label} {row.higher === false ? null : <span className="muted small">↑</span>}</td>
                {row.text.map((t, i) => {
                  const starred = best !== null && row.values[i] === best;
                  return <td key={i} className={`num mono${starred ? ' best' : ''}`} data-testid={`evaluation-${row.key}-${i}`}>{t}{starred ? <span className="best-mark" title="best on this holdout">★</span> : null}</td>;
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">Thresholds: {result.versions.map((v) => `${v.label} ${v.threshold.toFixed(3)}`).join(' · ')}. ★ marks the best point estimate on this holdout. The − rows are paired differences (each resample draws the same rows for every version); ✓ when their interval excludes 0, otherwise the holdout cannot tell the versions apart.</p>
      <h3>ROC, false-positive rate on a log scale</h3>
      <LogRocChart series={result.versions} testId="evaluation-roc" />
    </div>
  );
}
