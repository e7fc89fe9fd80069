// Request shapes of the services Vigil replaces (../seeds), accepted unchanged.
import { z } from 'zod';

/** Seed 000: POST /model/train. `model_params` nests sklearn-style booster and TF-IDF settings. */
export const Seed000TrainBody = z.object({
  name: z.string().trim().min(1).max(80).regex(/^[\w.-]+$/, 'Letters, digits, dot, dash and underscore only.'),
  model_type: z.enum(['GradientBoosting', 'RandomForest']).default('GradientBoosting'),
  model_params: z
    .object({
      model_params: z
        .object({
          n_estimators: z.number().int().min(1).max(5000).optional(),
          learning_rate: z.number().gt(0).max(1).optional(),
          max_depth: z.number().int().min(1).max(16).optional(),
          subsample: z.number().gt(0).max(1).optional(),
        })
        .strict()
        .default({}),
      tf_idf_params: z
        .object({
          ngram_range: z.tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)]).optional(),
          strip_accents: z.string().optional(),
          analyzer: z.enum(['char', 'char_wb', 'word']).optional(),
          max_features: z.number().int().min(1).max(100_000).optional(),
        })
        .strict()
        .optional(),
    })
    .strict()
    .default({ model_params: {} }),
});
export type Seed000TrainBody = z.infer<typeof Seed000TrainBody>;
