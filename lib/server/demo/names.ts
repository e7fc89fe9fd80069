// Names the demo seed gives what it creates: seedDemo's datasets and the live traffic's extra models.
export const DEMO_DATASETS = { email: 'demo-emails', transaction: 'demo-transactions', credit: 'demo-credit', fakeUsers: 'demo-fake-users', registrations: 'demo-registrations' } as const;
export const DEMO_MODELS = { registration: 'registration-default', cardChallenger: 'transaction-challenger' } as const;
/** The demo card dataset's generator options: seedDemo stores these rows, the challenger retrains on the same. */
export const DEMO_CARD_SET = { cards: 400, days: 60, seed: 7 } as const;
