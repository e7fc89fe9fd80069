// Training parameters per algorithm: fixed public names, validated with zod, defaults filled in.

import { z } from 'zod';
import { DEFAULT_FOREST } from './forest';
import { DEFAULT_GBDT } from './gbdt';
import type { ForestParams, GbdtParams } from './types';

export type Algorithm = 'gbdt' | 'forest' | 'ml-random-forest';
export const ALGORITHMS: readonly Algorithm[] = ['gbdt', 'forest', 'ml-random-forest'];

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const frac = z.number().gt(0).max(1);
const maxFeatures = z.union([z.enum(['sqrt', 'log2']), z.number().positive()]);

const SCHEMAS = {
  gbdt: z.object({
    rounds: int(1, 100_000), depth: int(1, 16), learningRate: z.number().gt(0).max(1),
    minChildWeight: z.number().min(0), l2: z.number().min(0), subsample: frac, colsample: frac,
    scalePosWeight: z.number().positive(), earlyStopping: int(0, 100_000),
  }).partial().strict(),
  forest: z.object({ trees: int(1, 10_000), depth: int(1, 64), minLeaf: int(1, 1_000_000), maxFeatures, sampleRate: frac })
    .partial().strict(),
  // ml-random-forest's own row-subsampling option takes the first rows, not a sample: not exposed.
  'ml-random-forest': z.object({ trees: int(1, 1000), depth: int(1, 64), minLeaf: int(1, 1_000_000), maxFeatures })
    .partial().strict(),
} as const;

export type GbdtPublicParams = Pick<GbdtParams, 'rounds' | 'depth' | 'learningRate' | 'minChildWeight' | 'l2' | 'subsample' | 'colsample' | 'scalePosWeight' | 'earlyStopping'>;
export type ForestPublicParams = Pick<ForestParams, 'trees' | 'depth' | 'minLeaf' | 'maxFeatures' | 'sampleRate'>;
export type ReferencePublicParams = Pick<ForestParams, 'trees' | 'depth' | 'minLeaf' | 'maxFeatures'>;

export const PARAM_NAMES: Record<Algorithm, string[]> = {
  gbdt: Object.keys(SCHEMAS.gbdt.shape),
  forest: Object.keys(SCHEMAS.forest.shape),
  'ml-random-forest': Object.keys(SCHEMAS['ml-random-forest'].shape),
};

export const PARAM_DEFAULTS = {
  gbdt: pick(DEFAULT_GBDT, PARAM_NAMES.gbdt) as GbdtPublicParams,
  forest: pick(DEFAULT_FOREST, PARAM_NAMES.forest) as ForestPublicParams,
  'ml-random-forest': { trees: 50, depth: 64, minLeaf: 3, maxFeatures: 1 } as ReferencePublicParams,
};

function pick(o: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]]));
}

export class ParamError extends Error {
  constructor(message: string) { super(message); this.name = 'ParamError'; }
}

/** Numeric strings ('0.1') become numbers, so CLI and form input validate like JSON. */
function coerce(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  return s !== '' && Number.isFinite(Number(s)) ? Number(s) : s;
}

export function validateParams(algorithm: Algorithm, raw: Record<string, unknown> = {}): Record<string, unknown> {
  const schema = SCHEMAS[algorithm];
  if (!schema) throw new ParamError(`unknown algorithm '${String(algorithm)}'; allowed: ${ALGORITHMS.join(', ')}`);
  const allowed = PARAM_NAMES[algorithm];
  const unknown = Object.keys(raw).filter((k) => !allowed.includes(k));
  if (unknown.length) {
    throw new ParamError(`unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')} for ${algorithm}; allowed: ${allowed.join(', ')}`);
  }
  const input = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, coerce(v)]));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ParamError(`invalid ${algorithm} parameters: ${msg}`);
  }
  return { ...PARAM_DEFAULTS[algorithm], ...parsed.data };
}
