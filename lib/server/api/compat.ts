// Route declarations: the seeds' URLs, served unchanged (see system.ts for why they live here).
import { IdParam } from '@/lib/schemas/common';
import { PredictionEmailParam, Seed000TrainBody } from '@/lib/schemas/compat';
import { FraudDetectionBody, PredictBody } from '@/lib/schemas/compat-scoring';
import { defineEndpoint } from './endpoint';

export const CompatApi = {
  predictEmail: defineEndpoint({ method: 'post', path: '/prediction/single/{email}', summary: 'Seed 000: score an email → { task_id }', tag: 'Compatibility', scope: 'score:test', params: PredictionEmailParam }),
  predictionTask: defineEndpoint({ method: 'get', path: '/prediction/tasks/{id}', summary: 'Seed 000: → { proba, email }', tag: 'Compatibility', scope: 'score:test', params: IdParam }),
  ping: defineEndpoint({ method: 'get', path: '/ping', summary: 'Seed 001: health check', tag: 'Compatibility', public: true }),
  // Token optional (anonymous callers get smaller limits), so the handler authenticates and picks the body limit.
  fraudDetection: defineEndpoint({ method: 'post', path: '/fraud_detection', summary: 'Seed 001: credit records → fraud probabilities (token optional unless VIGIL_COMPAT_AUTH=required)', tag: 'Compatibility', auth: 'handler', body: FraudDetectionBody, bodyLimit: 1_000_000 }),
  predict: defineEndpoint({ method: 'post', path: '/predict', summary: 'Seed 004: events → per-user fake probability (token optional unless VIGIL_COMPAT_AUTH=required)', tag: 'Compatibility', auth: 'handler', body: PredictBody, bodyLimit: 5_000_000, anyContentType: true }),
  registryAll: defineEndpoint({ method: 'get', path: '/model/registry/all', summary: 'Seed 000: all email models', tag: 'Compatibility', scope: 'models:read' }),
  registryOne: defineEndpoint({ method: 'get', path: '/model/registry/{id}', summary: 'Seed 000: one email model', tag: 'Compatibility', scope: 'models:read', params: IdParam }),
  train: defineEndpoint({ method: 'post', path: '/model/train', summary: 'Seed 000: train an email model', tag: 'Compatibility', scope: 'models:train', body: Seed000TrainBody, bodyLimit: 100_000 }),
  trainTask: defineEndpoint({ method: 'get', path: '/model/tasks/{id}', summary: 'Seed 000: training task state or result', tag: 'Compatibility', scope: 'jobs:read', params: IdParam }),
  setMain: defineEndpoint({ method: 'put', path: '/model/set_main/{id}', summary: 'Seed 000: make a model the main one', tag: 'Compatibility', scope: 'models:promote', params: IdParam }),
};
