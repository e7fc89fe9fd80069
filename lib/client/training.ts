// Training jobs: create one, then poll it every second while it is queued or running.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TrainRequestInput } from '@/lib/schemas/training';
import { apiFetch } from './api';

import type { JobStatus, JobView } from '@/lib/schemas/responses/jobs';

export type { JobStatus };
/** The fields of a job (lib/schemas/responses/jobs) the training views read. */
export type TrainingJob = Pick<JobView, 'id' | 'type' | 'status' | 'progress' | 'message' | 'attempts' | 'maxAttempts' | 'cancelRequested' | 'result' | 'error' | 'createdAt' | 'startedAt' | 'finishedAt'>;

export const isActive = (status: JobStatus) => status === 'queued' || status === 'running';
const jobKey = (id: string) => ['training-job', id];

export const useTrainingJob = (id: string, initial?: TrainingJob) =>
  useQuery({
    queryKey: jobKey(id),
    queryFn: () => apiFetch<TrainingJob>(`/api/training/jobs/${id}`),
    initialData: initial,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && !isActive(query.state.data.status) ? false : 1_000),
  });

export const useCreateTrainingJob = () =>
  useMutation({ mutationFn: (input: TrainRequestInput) => apiFetch<TrainingJob>('/api/training/jobs', { method: 'POST', body: input }) });

export function useCancelJob(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<TrainingJob>(`/api/jobs/${id}/cancel`, { method: 'POST' }),
    onSuccess: (job) => qc.setQueryData(jobKey(id), job),
  });
}
