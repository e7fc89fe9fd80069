// Route declarations: training and background jobs (see system.ts for why they live here).
import { IdParam } from '@/lib/schemas/common';
import { TrainRequest } from '@/lib/schemas/training';
import { defineEndpoint } from './endpoint';
import { JobView } from '@/lib/schemas/responses/jobs';

export const JobsApi = {
  train: defineEndpoint({ method: 'post', path: '/api/training/jobs', summary: 'Queue a training job', tag: 'Training', scope: 'models:train', body: TrainRequest, bodyLimit: 100_000, status: 202, response: JobView }),
  trainingJob: defineEndpoint({ method: 'get', path: '/api/training/jobs/{id}', summary: 'A training job with progress', tag: 'Training', scope: 'jobs:read', params: IdParam, response: JobView }),
  job: defineEndpoint({ method: 'get', path: '/api/jobs/{id}', summary: 'A job of any type: status, progress, result or error', tag: 'Training', scope: 'jobs:read', params: IdParam, response: JobView }),
  cancel: defineEndpoint({ method: 'post', path: '/api/jobs/{id}/cancel', summary: 'Cancel a queued or running job', tag: 'Training', scope: 'jobs:write', params: IdParam, response: JobView }),
};
