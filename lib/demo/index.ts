// Seeded demo-data generators (pure: no I/O). Same seed, same data.
export { generateEmails, DISPOSABLE_DOMAINS, type EmailOptions, type LabelledEmail } from './emails';
export { generateTransactions, type SparkovRow, type TransactionOptions } from './transactions';
export { CATEGORY_PROFILES, merchantCatalogue, type CategoryProfile, type Merchant } from './merchants';
export { CITIES, type City } from './places';
export { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, LAST_NAMES, JOBS } from './names';
export * from './credit';
export * from './user-events';
