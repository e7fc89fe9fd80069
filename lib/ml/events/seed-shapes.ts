// The seeds' data shapes the product knows by name: Sparkov's CSV columns and categories, and seed 001's
// credit-record columns. Product constants (forms, filters, dataset imports use them); lib/demo only
// generates rows in these shapes.

/** Sparkov's column order (fraudTest.csv without its unnamed index column). */
export const SPARKOV_COLUMNS = [
  'trans_date_trans_time', 'cc_num', 'merchant', 'category', 'amt', 'first', 'last', 'gender',
  'street', 'city', 'state', 'zip', 'lat', 'long', 'city_pop', 'job', 'dob', 'trans_num',
  'unix_time', 'merch_lat', 'merch_long', 'is_fraud',
] as const;

export const SPARKOV_CATEGORIES = [
  'gas_transport',
  'grocery_pos',
  'home',
  'shopping_pos',
  'kids_pets',
  'shopping_net',
  'entertainment',
  'food_dining',
  'personal_care',
  'health_fitness',
  'misc_pos',
  'misc_net',
  'grocery_net',
  'travel',
] as const;

export type SparkovCategory = (typeof SPARKOV_CATEGORIES)[number];

/** Seed 001's /fraud_detection record, with its label. */
export const CREDIT_COLUMNS = ['customer_id', 'number_of_open_accounts', 'total_credit_limit', 'total_balance', 'number_of_accounts_in_arrears', 'is_fraud'] as const;
