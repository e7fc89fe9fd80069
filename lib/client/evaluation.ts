// "Evaluate on…": start an evaluation job, then poll it every second until it ends.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { EvaluateRequestInput, EvaluationResult } from '@/lib/schemas/evaluation';
import { apiFetch } from './api';

export interface EvaluationJob {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: number;
  message: string | null;
  error: string | null;
  result: EvaluationResult | null;
}

const active = (job: EvaluationJob | undefined) => !job || job.status === 'queued' || job.status === 'running';

export function useEvaluation() {
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (input: EvaluateRequestInput) => apiFetch<EvaluationJob>('/api/models/evaluate', { method: 'POST', body: input }),
    onSuccess: (job) => setJobId(job.id),
  });
  const job = useQuery({
    queryKey: ['evaluation-job', jobId],
    queryFn: () => apiFetch<EvaluationJob>(`/api/jobs/${jobId}`),
    enabled: !!jobId,
    staleTime: 0,
    refetchInterval: (q) => (active(q.state.data) ? 1_000 : false),
  });
  return {
    run: (input: EvaluateRequestInput) => { setJobId(null); start.mutate(input); },
    starting: start.isPending,
    job: jobId ? job.data ?? null : null,
    busy: start.isPending || (!!jobId && active(job.data)),
    error: start.error?.message ?? (job.data?.status === 'failed' ? job.data.error ?? 'The evaluation failed.' : null),
  };
}
