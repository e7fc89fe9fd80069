// Route declarations: the seeds' URLs, served unchanged (see system.ts for why they live here).
import { IdParam } from '@/lib/schemas/common';
import { PredictionEmailParam, Seed000TrainBody } from '@/lib/schemas/compat';
import { FraudDetectionBody, PredictBody } from '@/lib/schemas/compat-scoring';
import { defineEndpoint } from './endpoint';
import { SeedEmailProba, SeedFakeUsers, SeedFraudProbabilities, SeedMessage, SeedModel, SeedModelList, SeedPing, SeedTaskId, SeedTrainStarted, SeedTrainTask } from '@/lib/schemas/responses/compat';

export const CompatApi = {
  predictEmail: defineEndpoint({ method: 'post', path: '/prediction/single/{email}', summary: 'Seed 000: score an email → { task_id }', tag: 'Compatibility', scope: 'score:test', params: PredictionEmailParam, response: SeedTaskId }),
  predictionTask: defineEndpoint({ method: 'get', path: '/prediction/tasks/{id}', summary: 'Seed 000: → { proba, email }', tag: 'Compatibility', scope: 'score:test', params: IdParam, response: SeedEmailProba }),
  ping: defineEndpoint({ method: 'get', path: '/ping', summary: 'Seed 001: health check', tag: 'Compatibility', public: true, response: SeedPing }),
  // Token optional (anonymous callers get smaller limits), so the handler authenticates and picks the body limit.
  fraudDetection: defineEndpoint({ method: 'post', path: '/fraud_detection', summary: 'Seed 001: credit records → fraud probabilities (token optional unless VIGIL_COMPAT_AUTH=required)', tag: 'Compatibility', auth: 'handler', body: FraudDetectionBody, bodyLimit: 1_000_000, response: SeedFraudProbabilities }),
  predict: defineEndpoint({ method: 'post', path: '/predict', summary: 'Seed 004: events → per-user fake probability (token optional unless VIGIL_COMPAT_AUTH=required)', tag: 'Compatibility', auth: 'handler', body: PredictBody, bodyLimit: 5_000_000, anyContentType: true, response: SeedFakeUsers }),
  registryAll: defineEndpoint({ method: 'get', path: '/model/registry/all', summary: 'Seed 000: all email models', tag: 'Compatibility', scope: 'models:read', response: SeedModelList }),
  registryOne: defineEndpoint({ method: 'get', path: '/model/registry/{id}', summary: 'Seed 000: one email model', tag: 'Compatibility', scope: 'models:read', params: IdParam, response: SeedModel }),
  train: defineEndpoint({ method: 'post', path: '/model/train', summary: 'Seed 000: train an email model', tag: 'Compatibility', scope: 'models:train', body: Seed000TrainBody, bodyLimit: 100_000, response: SeedTrainStarted }),
  trainTask: defineEndpoint({ method: 'get', path: '/model/tasks/{id}', summary: 'Seed 000: training task state or result', tag: 'Compatibility', scope: 'jobs:read', params: IdParam, response: SeedTrainTask }),
  setMain: defineEndpoint({ method: 'put', path: '/model/set_main/{id}', summary: 'Seed 000: make a model the main one', tag: 'Compatibility', scope: 'models:promote', params: IdParam, response: SeedMessage }),
};
