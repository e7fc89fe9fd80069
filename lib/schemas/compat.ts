// Request shapes of the services Vigil replaces (../seeds), accepted unchanged.
import { z } from 'zod';
import { safeString } from './common';
import { EmailAddress } from './scoring';
import { PARAM_FIELDS } from './training';

// The same bounds TrainRequest enforces (lib/schemas/training.ts), so an accepted body always trains.
const bound = (algorithm: keyof typeof PARAM_FIELDS, name: string) => PARAM_FIELDS[algorithm].find((f) => f.name === name)!;
const LEARNING_RATE = bound('gbdt', 'learningRate');
const SUBSAMPLE = bound('gbdt', 'subsample');
const GBDT_ROUNDS = bound('gbdt', 'rounds');
const FOREST_TREES = bound('forest', 'trees');

/** Seed 000: POST /model/train. `model_params` nests sklearn-style booster and TF-IDF settings. */
export const Seed000TrainBody = z.object({
  name: safeString(80).trim().min(1).regex(/^[\w.-]+$/, 'Letters, digits, dot, dash and underscore only.'),
  model_type: z.enum(['GradientBoosting', 'RandomForest']).default('GradientBoosting'),
  model_params: z
    .object({
      model_params: z
        .object({
          n_estimators: z.number().int().min(1).max(Math.max(GBDT_ROUNDS.max, FOREST_TREES.max)).optional(),
          learning_rate: z.number().min(LEARNING_RATE.min).max(LEARNING_RATE.max).optional(),
          max_depth: z.number().int().min(1).max(16).optional(),
          subsample: z.number().min(SUBSAMPLE.min).max(SUBSAMPLE.max).optional(),
        })
        .strict()
        .default({}),
      tf_idf_params: z
        .object({
          ngram_range: z.tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)]).optional(),
          strip_accents: safeString(40).optional(),
          analyzer: z.enum(['char', 'char_wb', 'word']).optional(),
          max_features: z.number().int().min(1).max(100_000).optional(),
        })
        .strict()
        .optional(),
    })
    .strict()
    .default({ model_params: {} }),
}).superRefine((body, ctx) => {
  const trees = body.model_type === 'RandomForest' ? FOREST_TREES : GBDT_ROUNDS;
  const n = body.model_params.model_params.n_estimators;
  if (n !== undefined && n > trees.max) ctx.addIssue({ code: 'custom', path: ['model_params', 'model_params', 'n_estimators'], message: `${body.model_type} takes at most ${trees.max} estimators.` });
});
export type Seed000TrainBody = z.infer<typeof Seed000TrainBody>;

/**
 * Seed 000: the {email} of POST /prediction/single/{email}. Clients may percent-encode the address twice;
 * a second decode that fails is the client's error, not ours.
 */
export const PredictionEmailParam = z.object({
  email: safeString(1000)
    .transform((s, ctx) => {
      try {
        return decodeURIComponent(s);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'The address is not valid percent-encoding.' });
        return z.NEVER;
      }
    })
    .pipe(EmailAddress),
});
