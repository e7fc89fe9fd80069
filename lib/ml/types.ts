// Shared shapes of the ML engine. Everything in lib/ml takes and returns these plain types.

/** Column-major feature matrix. NaN marks a missing value. */
export interface FeatureMatrix {
  nRows: number;
  /** One Float64Array of length nRows per feature. */
  columns: Float64Array[];
  names: string[];
  /** True where the column holds integer category codes rather than numbers. */
  categorical: boolean[];
}

export interface GbdtParams {
  rounds: number;
  depth: number;
  /** 0 = no limit beyond depth. */
  maxLeaves: number;
  learningRate: number;
  minChildWeight: number;
  l2: number;
  subsample: number;
  colsample: number;
  scalePosWeight: number;
  /** Rounds without validation improvement before stopping; 0 = off. */
  earlyStopping: number;
  seed: number;
}

export interface ForestParams {
  trees: number;
  depth: number;
  minLeaf: number;
  /** Features tried per split: 'sqrt' | 'log2' | a fraction in (0,1] | an integer count. */
  maxFeatures: 'sqrt' | 'log2' | number;
  /** Rows drawn per tree as a fraction of nRows. */
  sampleRate: number;
  bootstrap: boolean;
  seed: number;
  /** worker_threads to grow trees on; 0 = one per core. */
  threads: number;
}

/** Called during training; done/total in rounds or trees. */
export type ProgressFn = (done: number, total: number) => void;
