// Route declarations: the model registry, backtests and thresholds (see system.ts for why they live here).
import { IdParam } from '@/lib/schemas/common';
import { EvaluateRequest } from '@/lib/schemas/evaluation';
import { CompareQuery, PromoteInput, RollbackInput, StageInput } from '@/lib/schemas/models';
import { BacktestInput, ThresholdsInput } from '@/lib/schemas/monitoring';
import { defineEndpoint } from './endpoint';
import { ModelList, VersionDetail, VersionSummary } from '@/lib/schemas/responses/models';
import { BacktestAnswer } from '@/lib/schemas/responses/monitoring';
import { Comparison, ThresholdsAnswer } from '@/lib/schemas/responses/compare';
import { JobView } from '@/lib/schemas/responses/jobs';

export const ModelsApi = {
  list: defineEndpoint({ method: 'get', path: '/api/models', summary: 'Models grouped by kind, with production and best candidate', tag: 'Registry', scope: 'models:read', response: ModelList }),
  version: defineEndpoint({ method: 'get', path: '/api/models/versions/{id}', summary: 'A model version with metrics, curves and audit history', tag: 'Registry', scope: 'models:read', params: IdParam, response: VersionDetail }),
  promote: defineEndpoint({ method: 'post', path: '/api/models/versions/{id}/promote', summary: 'Promote to production (archives the previous one)', tag: 'Registry', scope: 'models:promote', params: IdParam, body: PromoteInput, bodyLimit: 10_000, response: VersionSummary }),
  stage: defineEndpoint({ method: 'post', path: '/api/models/versions/{id}/stage', summary: 'Move a version to candidate, shadow, production or archived', tag: 'Registry', scope: 'models:promote', params: IdParam, body: StageInput, bodyLimit: 10_000, response: VersionSummary }),
  rollback: defineEndpoint({ method: 'post', path: '/api/models/rollback', summary: "Put a kind's (or an event type's) previous production version back", tag: 'Registry', scope: 'models:promote', body: RollbackInput, bodyLimit: 10_000, response: VersionSummary }),
  compare: defineEndpoint({ method: 'get', path: '/api/models/compare', summary: 'Compare 2–4 versions (?ids=a,b)', tag: 'Registry', scope: 'models:read', query: CompareQuery, response: Comparison }),
  evaluate: defineEndpoint({ method: 'post', path: '/api/models/evaluate', summary: 'Queue an evaluation of 2–4 versions on one common holdout (a dataset version or a period of labelled traffic); poll /api/jobs/{id}', tag: 'Registry', scope: 'models:train', body: EvaluateRequest, bodyLimit: 10_000, status: 202, response: JobView }),
  backtest: defineEndpoint({ method: 'post', path: '/api/models/versions/{id}/backtest', summary: 'Replay labelled history through a version; metrics and a threshold sweep', tag: 'Monitoring', scope: 'models:read', params: IdParam, body: BacktestInput, bodyLimit: 10_000, bodyOptional: true, response: BacktestAnswer }),
  thresholds: defineEndpoint({ method: 'put', path: '/api/models/versions/{id}/thresholds', summary: "Set a version's threshold and review/block band (audited)", tag: 'Monitoring', scope: 'thresholds:write', params: IdParam, body: ThresholdsInput, bodyLimit: 10_000, response: ThresholdsAnswer }),
};
