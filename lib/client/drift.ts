// Drift snapshots: read them per kind and window; "Compute now" enqueues a job and polls it to the end.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Kind } from '@/lib/schemas/models';
import type { DriftResponse, DriftWindow } from '@/lib/schemas/drift';
import { apiFetch } from './api';

import type { JobView } from '@/lib/schemas/responses/jobs';

const driftKey = (kind: Kind, window: DriftWindow, eventType?: string) => ['drift', eventType ? `event:${eventType}` : kind, window];

/** With eventType: the versions serving that event type (kind is then ignored). */
export const useDrift = (kind: Kind, window: DriftWindow, initial?: DriftResponse, eventType?: string) =>
  useQuery({
    queryKey: driftKey(kind, window, eventType),
    queryFn: () => apiFetch<DriftResponse>(eventType ? `/api/drift?eventType=${eventType}&window=${window}` : `/api/drift?kind=${kind}&window=${window}`),
    initialData: initial && (eventType ? initial.eventType === eventType : initial.kind === kind) && initial.window === window ? initial : undefined,
  });

/** Enqueues a snapshot job, polls it every second, and refreshes the drift data when it ends. */
export function useComputeDrift(window: DriftWindow) {
  const qc = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => apiFetch<JobView>('/api/drift/snapshots', { method: 'POST', body: { window } }),
    onSuccess: (job) => setJobId(job.id),
  });
  const job = useQuery({
    queryKey: ['drift-job', jobId],
    queryFn: () => apiFetch<JobView>(`/api/jobs/${jobId}`),
    enabled: !!jobId,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && !['queued', 'running'].includes(q.state.data.status) ? false : 1_000),
  });
  const finished = job.data && !['queued', 'running'].includes(job.data.status) ? job.data : null;
  useEffect(() => {
    if (finished) void qc.invalidateQueries({ queryKey: ['drift'] });
  }, [finished, qc]);
  const busy = start.isPending || (!!jobId && !finished);
  return {
    run: () => { setJobId(null); start.mutate(); },
    busy,
    error: start.error?.message ?? (finished?.status === 'failed' ? finished.error ?? 'The snapshot job failed.' : null),
    done: finished?.status === 'succeeded',
  };
}
