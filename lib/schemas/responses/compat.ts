// Response contracts of the seeds' URLs: the exact shapes the seeds answered, kept for their clients.
import { z } from 'zod';

/** Seed 000: POST /prediction/single/{email}; scoring is immediate, so the task is already finished. */
export const SeedTaskId = z.object({ task_id: z.string() });
/** Seed 000: GET /prediction/tasks/{id}. */
export const SeedEmailProba = z.object({ proba: z.number(), email: z.string() });
export const SeedPing = z.object({ ping: z.literal('pong') });
/** Seed 001: one fraud probability per record, in order. */
export const SeedFraudProbabilities = z.array(z.number());
/** Seed 004: one probability per distinct user, in first-seen order (null if a user could not be scored). */
export const SeedFakeUsers = z.object({ UserId: z.array(z.union([z.string(), z.number()])), is_fake_probability: z.array(z.number().nullable()) });

/** Seed 000's view of an email model version. */
export const SeedModel = z.object({
  id: z.string(),
  /** <model>-v<n> after the first version. */
  name: z.string(),
  accuracy: z.number(),
  /** YYYY-MM-DD HH:MM (UTC). */
  train_date: z.string(),
  serving: z.boolean(),
  params: z.object({
    model_params: z.object({ n_estimators: z.unknown().optional(), learning_rate: z.unknown(), max_depth: z.unknown().optional() }),
    tf_idf_params: z.unknown(),
  }),
});
export const SeedModelList = z.array(SeedModel);
export const SeedTrainStarted = z.object({ task_id: z.string(), message: z.string() });
/** Seed 000: a finished training task answers its model; otherwise the task's Celery-style state. */
export const SeedTrainTask = z.union([
  SeedModel,
  z.object({ task_id: z.string(), status: z.enum(['PENDING', 'STARTED', 'FAILURE', 'REVOKED', 'SUCCESS']), progress: z.number(), error: z.string().optional() }),
]);
export const SeedMessage = z.object({ message: z.string() });
