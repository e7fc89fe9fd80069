// Half-circle gauge of the 0–99 score over the model's allow / review / block bands (geometry in lib/charts/gauge).
import { gaugeModel } from '@/lib/charts/gauge';

export function ScoreGauge({ score, thresholds, decision }: { score: number; thresholds: { review: number; block: number }; decision: string }) {
  const g = gaugeModel(score, thresholds);
  return (
    <svg viewBox={`0 0 ${g.width} ${g.height}`} className="gauge" role="img" aria-label={`Risk score ${score} of 99 (${decision})`} data-testid="score-gauge">
      {g.segments.map((s) => <path key={s.band} d={s.path} className={`gauge-seg ${s.band}`} />)}
      {g.valuePath ? <path d={g.valuePath} className={`gauge-value ${decision}`} /> : null}
      <line {...g.needle} className="gauge-needle" />
      <text x={g.width / 2} y={g.height - 22} textAnchor="middle" className="gauge-score" data-testid="score-value">{score}</text>
      <text x={g.width / 2} y={g.height - 6} textAnchor="middle" className="gauge-caption">risk score / 99</text>
    </svg>
  );
}
