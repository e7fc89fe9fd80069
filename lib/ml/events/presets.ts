// Built-in event types for the seeds' data shapes. Pure data; each passes EventTypeDefinitionInput.
//
// Some seeds have no event id or time column. The definition still needs both, so those presets name a
// field (event_id / EVENT_ID, event_time / received_at) that the server fills at ingestion when an event
// lacks it: a generated id, and the arrival time.

import type { EventTypeDefinition } from './definition';

/** Sparkov card transactions (fraudTest.csv); card aggregates mirror the transaction featuriser's velocity. */
export const CARD_TRANSACTION: EventTypeDefinition = {
  name: 'card_transaction',
  label: 'Card transaction',
  idField: 'trans_num',
  timeField: 'trans_date_trans_time',
  amountField: 'amt',
  fields: [
    { name: 'trans_date_trans_time', type: 'timestamp' },
    { name: 'cc_num', type: 'id', entity: 'card', sensitive: true },
    { name: 'merchant', type: 'category', entity: 'merchant' },
    { name: 'category', type: 'category' },
    { name: 'amt', type: 'number' },
    { name: 'first', type: 'category' },
    { name: 'last', type: 'category' },
    { name: 'gender', type: 'category' },
    { name: 'street', type: 'text' },
    { name: 'city', type: 'category' },
    { name: 'state', type: 'category' },
    { name: 'zip', type: 'category' },
    { name: 'lat', type: 'number' },
    { name: 'long', type: 'number' },
    { name: 'city_pop', type: 'number' },
    { name: 'job', type: 'category' },
    { name: 'dob', type: 'date' },
    { name: 'trans_num', type: 'id' },
    { name: 'unix_time', type: 'timestamp' },
    { name: 'merch_lat', type: 'number' },
    { name: 'merch_long', type: 'number' },
  ],
  aggregates: [
    { entity: 'card', fn: 'count', window: '1h' }, // card_tx_count_1h
    { entity: 'card', fn: 'sum', field: 'amt', window: '1h' }, // card_amount_sum_1h
    { entity: 'card', fn: 'count', window: '24h' }, // card_tx_count_24h
    { entity: 'card', fn: 'sum', field: 'amt', window: '24h' }, // card_amount_sum_24h
    { entity: 'card', fn: 'since_last' }, // seconds_since_prev
    { entity: 'card', fn: 'ratio_to_mean', field: 'amt' }, // amount_to_card_mean
  ],
};

/** Seed 000: one address per event, scored on its own; repeats of an address are the only history. */
export const EMAIL: EventTypeDefinition = {
  name: 'email',
  label: 'Email address',
  idField: 'email',
  timeField: 'received_at',
  fields: [
    { name: 'email', type: 'email', entity: 'email' },
    { name: 'received_at', type: 'timestamp' }, // filled by the server when absent
  ],
  aggregates: [
    { entity: 'email', fn: 'count', window: '24h' },
    { entity: 'email', fn: 'since_last' },
  ],
};

/** Seed 001: a customer's credit position; no id or time in the seed. */
export const CREDIT_RECORD: EventTypeDefinition = {
  name: 'credit_record',
  label: 'Credit record',
  idField: 'event_id',
  timeField: 'received_at',
  fields: [
    { name: 'event_id', type: 'id' }, // filled by the server when absent
    { name: 'received_at', type: 'timestamp' }, // filled by the server when absent
    { name: 'customer_id', type: 'id', entity: 'customer' },
    { name: 'number_of_open_accounts', type: 'number' },
    { name: 'total_credit_limit', type: 'number' },
    { name: 'total_balance', type: 'number' },
    { name: 'number_of_accounts_in_arrears', type: 'number' },
  ],
  aggregates: [
    { entity: 'customer', fn: 'count', window: '30d' },
    { entity: 'customer', fn: 'since_last' },
    { entity: 'customer', fn: 'ratio_to_mean', field: 'total_balance' },
  ],
};

/** Seed 004: marketplace clicks; bots act fast and hop across events and categories. */
export const USER_ACTIVITY: EventTypeDefinition = {
  name: 'user_activity',
  label: 'User activity',
  idField: 'event_id',
  timeField: 'event_time',
  fields: [
    { name: 'event_id', type: 'id' }, // filled by the server when absent
    { name: 'event_time', type: 'timestamp' }, // filled by the server when absent
    { name: 'UserId', type: 'id', entity: 'user' },
    { name: 'Event', type: 'category' },
    { name: 'Category', type: 'category' },
  ],
  aggregates: [
    { entity: 'user', fn: 'count', window: '10m' },
    { entity: 'user', fn: 'count', window: '1h' },
    { entity: 'user', fn: 'distinct', field: 'Event', window: '1h' },
    { entity: 'user', fn: 'distinct', field: 'Category', window: '1h' },
  ],
};

/** Amazon Fraud Detector's registration sample: one IP signing up many addresses is the pattern. */
export const REGISTRATION: EventTypeDefinition = {
  name: 'registration',
  label: 'Registration',
  idField: 'EVENT_ID',
  timeField: 'EVENT_TIMESTAMP',
  fields: [
    { name: 'ip_address', type: 'ip', entity: 'ip' },
    { name: 'email_address', type: 'email', entity: 'email' },
    { name: 'EVENT_TIMESTAMP', type: 'timestamp' },
    { name: 'EVENT_ID', type: 'id' }, // not in the sample: filled by the server when absent
  ],
  aggregates: [
    { entity: 'ip', fn: 'count', window: '1h' },
    { entity: 'ip', fn: 'count', window: '24h' },
    { entity: 'email', fn: 'since_last' },
    { entity: 'ip', fn: 'distinct', field: 'email_address', window: '24h' },
  ],
};

export const PRESETS: EventTypeDefinition[] = [CARD_TRANSACTION, EMAIL, CREDIT_RECORD, USER_ACTIVITY, REGISTRATION];
