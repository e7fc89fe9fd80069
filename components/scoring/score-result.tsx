// The result panel shared by both tester modes: gauge, band, top reasons, and which model answered.
import { formatPercent } from '@/lib/format';
import type { ScoreResponse } from '@/lib/client/scoring';
import { BandBadge } from './band-badge';
import { ReasonsList } from './reasons-list';
import { ScoreGauge } from './score-gauge';

export function ScoreResult({ result, versionLabel, stale }: { result: ScoreResponse; versionLabel: string; stale?: boolean }) {
  return (
    <div className={`score-result${stale ? ' stale' : ''}`} data-testid="score-result" aria-busy={stale || undefined}>
      <div className="score-head">
        <ScoreGauge score={result.score} thresholds={result.thresholds} decision={result.decision} />
        <div className="score-facts">
          <div><BandBadge decision={result.decision} testId="score-band" /></div>
          <dl className="kv">
            <dt>Scored</dt><dd className="mono ellipsis" data-testid="score-subject">{result.email ?? result.trans_num ?? '–'}</dd>
            <dt>Probability</dt><dd className="mono">{formatPercent(result.probability, 2)}</dd>
            <dt>Review at</dt><dd className="mono">{formatPercent(result.thresholds.review, 1)}</dd>
            <dt>Block at</dt><dd className="mono">{formatPercent(result.thresholds.block, 1)}</dd>
            <dt>Model</dt><dd data-testid="score-model">{versionLabel}</dd>
          </dl>
        </div>
      </div>
      <h3 className="subhead">Top reasons</h3>
      <ReasonsList reasons={result.reasons} testId="score-reasons" />
    </div>
  );
}
