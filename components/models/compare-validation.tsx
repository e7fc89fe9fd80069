// Which rows a version's stored metrics come from: the dataset version, the split, and the validation class counts.
import Link from 'next/link';
import { formatCount } from '@/lib/format';

export interface ValidationInfo {
  dataset: { versionId: string; name: string; version: number } | null;
  split: 'time' | 'stratified' | null;
  timestampColumn: string | null;
  trainRows: number | null;
  rows: number;
  positives: number;
  smallSample: string | null;
}

export function ValidationRows({ validation: v, testId }: { validation: ValidationInfo; testId?: string }) {
  const split = v.split === 'time' ? `time split${v.timestampColumn ? ` (latest by ${v.timestampColumn})` : ''}` : v.split === 'stratified' ? 'stratified random split' : 'split not recorded';
  return (
    <div className="small" data-testid={testId}>
      <div className="muted">
        Validated on {formatCount(v.rows)} rows ({formatCount(v.positives)} fraud) of{' '}
        {v.dataset ? <Link href={`/datasets/versions/${v.dataset.versionId}`}>{v.dataset.name} v{v.dataset.version}</Link> : 'a deleted dataset version'}
        {' · '}{split}{v.trainRows !== null ? ` · trained on ${formatCount(v.trainRows)}` : ''}
      </div>
      {v.smallSample ? <div className="alert warn inline" data-testid="small-sample-warning">{v.smallSample}</div> : null}
    </div>
  );
}
