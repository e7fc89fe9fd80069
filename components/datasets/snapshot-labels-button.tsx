'use client';
import { useRouter } from 'next/navigation';
import { useSnapshotLabels } from '@/lib/client/datasets';

/** Turns the labels collected in the review queue into a new dataset version. */
export function SnapshotLabelsButton() {
  const router = useRouter();
  const snapshot = useSnapshotLabels();
  return (
    <span className="dataset-snapshot">
      <button className="btn" data-testid="snapshot-labels" disabled={snapshot.isPending}
        onClick={() => snapshot.mutate({ kind: 'transaction' }, { onSuccess: (v) => router.push(`/datasets/versions/${v.id}`) })}>
        {snapshot.isPending ? 'Snapshotting…' : 'Snapshot transaction labels'}
      </button>
      {snapshot.error ? <span className="alert error inline" data-testid="snapshot-error">{snapshot.error.message}</span> : null}
    </span>
  );
}
