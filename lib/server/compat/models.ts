/** Models the seed-compatible routes serve: seed 001's /fraud_detection and seed 004's /predict (trained by the demo seed). */
export const COMPAT_MODELS = { credit: 'credit-default', fakeUsers: 'fake-users-default' } as const;
