// The training request: one schema for the form, the API and the job payload.
import { z } from 'zod';
import { IdString, safeString } from './common';
import { Kind } from './models';

export const Algorithm = z.enum(['gbdt', 'forest', 'ml-random-forest']);
export type Algorithm = z.infer<typeof Algorithm>;

/** Per-parameter bounds, shown in the form and enforced by the engine (lib/ml/model-params). */
export const PARAM_FIELDS: Record<Algorithm, { name: string; label: string; min: number; max: number; step: number; default: number }[]> = {
  gbdt: [
    { name: 'rounds', label: 'Rounds', min: 1, max: 5000, step: 1, default: 200 },
    { name: 'depth', label: 'Max depth', min: 1, max: 16, step: 1, default: 6 },
    { name: 'learningRate', label: 'Learning rate', min: 0.001, max: 1, step: 0.001, default: 0.1 },
    { name: 'minChildWeight', label: 'Min child weight', min: 0, max: 1000, step: 0.1, default: 1 },
    { name: 'l2', label: 'L2 regularisation', min: 0, max: 1000, step: 0.1, default: 1 },
    { name: 'subsample', label: 'Row subsample', min: 0.05, max: 1, step: 0.05, default: 1 },
    { name: 'colsample', label: 'Column subsample', min: 0.05, max: 1, step: 0.05, default: 1 },
    { name: 'scalePosWeight', label: 'Positive class weight', min: 0.01, max: 1000, step: 0.01, default: 1 },
    { name: 'earlyStopping', label: 'Early stopping rounds (0 = off)', min: 0, max: 1000, step: 1, default: 20 },
  ],
  forest: [
    { name: 'trees', label: 'Trees', min: 1, max: 2000, step: 1, default: 100 },
    { name: 'depth', label: 'Max depth', min: 1, max: 64, step: 1, default: 12 },
    { name: 'minLeaf', label: 'Min rows per leaf', min: 1, max: 10000, step: 1, default: 5 },
    { name: 'sampleRate', label: 'Rows per tree (fraction)', min: 0.05, max: 1, step: 0.05, default: 1 },
  ],
  'ml-random-forest': [
    { name: 'trees', label: 'Trees', min: 1, max: 500, step: 1, default: 50 },
    { name: 'depth', label: 'Max depth', min: 1, max: 64, step: 1, default: 64 },
    { name: 'minLeaf', label: 'Min rows per leaf', min: 1, max: 10000, step: 1, default: 3 },
  ],
};

const ParamValue = z.union([z.number().finite(), z.enum(['sqrt', 'log2'])]);

export const TrainRequest = z
  .object({
    datasetVersionId: IdString.min(1, 'Pick a dataset version.'),
    modelName: safeString(80).trim().min(1).regex(/^[\w.-]+$/, 'Letters, digits, dot, dash and underscore only.').optional(),
    kind: Kind.optional(),
    algorithm: Algorithm.default('gbdt'),
    params: z.record(safeString(40), ParamValue).default({}),
    validFraction: z.number().min(0.05).max(0.5).default(0.2),
    timestampColumn: safeString(200).min(1).optional(),
    costFn: z.number().positive('A missed fraud must cost something.').max(1e9).default(10),
    costFp: z.number().positive('A false alarm must cost something.').max(1e9).default(1),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
  })
  .strict()
  .superRefine((value, ctx) => {
    const fields = PARAM_FIELDS[value.algorithm];
    for (const [key, v] of Object.entries(value.params)) {
      const field = fields.find((f) => f.name === key);
      if (!field) {
        if (!(key === 'maxFeatures' && value.algorithm !== 'gbdt')) ctx.addIssue({ code: 'custom', path: ['params', key], message: `Unknown parameter for ${value.algorithm}; allowed: ${fields.map((f) => f.name).join(', ')}${value.algorithm !== 'gbdt' ? ', maxFeatures' : ''}.` });
        continue;
      }
      if (typeof v !== 'number' || v < field.min || v > field.max) ctx.addIssue({ code: 'custom', path: ['params', key], message: `${field.label} must be between ${field.min} and ${field.max}.` });
    }
  });
export type TrainRequest = z.infer<typeof TrainRequest>;
export type TrainRequestInput = z.input<typeof TrainRequest>;
