'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useSnapshotLabels } from '@/lib/client/datasets';

/** Turns the labels collected in the review queue into a new dataset version; says so when they are too few to measure on. */
export function SnapshotLabelsButton() {
  const router = useRouter();
  const snapshot = useSnapshotLabels();
  const warned = snapshot.data?.warning ? snapshot.data : null;
  return (
    <span className="dataset-snapshot">
      <button className="btn" data-testid="snapshot-labels" disabled={snapshot.isPending}
        onClick={() => snapshot.mutate({ kind: 'transaction' }, { onSuccess: (v) => { if (!v.warning) router.push(`/datasets/versions/${v.id}`); } })}>
        {snapshot.isPending ? 'Snapshotting…' : 'Snapshot transaction labels'}
      </button>
      {snapshot.error ? <span className="alert error inline" data-testid="snapshot-error">{snapshot.error.message}</span> : null}
      {warned ? (
        <span className="alert warn inline" data-testid="snapshot-warning">
          {warned.warning} <Link href={`/datasets/versions/${warned.id}`}>Open {warned.name} v{warned.version}</Link>
        </span>
      ) : null}
    </span>
  );
}
