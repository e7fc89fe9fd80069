// Credit-account records in the shape seed 001's /fraud_detection receives, with a fraud label.
// Fraud: many open accounts, balances far over the limit, and accounts in arrears, with overlap.
import { createRng } from '../ml/rng';

export interface CreditRecord {
  customer_id: number;
  number_of_open_accounts: number;
  total_credit_limit: number;
  total_balance: number;
  number_of_accounts_in_arrears: number;
  is_fraud: 0 | 1;
}

export function generateCreditRecords({ count = 3000, fraudRate = 0.08, seed = 42 } = {}): CreditRecord[] {
  const rng = createRng(seed);
  const poisson = (mean: number) => {
    let k = 0;
    for (let p = Math.exp(-mean), s = p, u = rng.next(); u > s; k++) { p *= mean / (k + 1); s += p; }
    return k;
  };
  return Array.from({ length: count }, (_, i) => {
    const fraud = rng.next() < fraudRate;
    const limit = Math.round(Math.exp(9.4 + 0.6 * rng.normal()) / 100) * 100;
    // A fifth of the frauds look ordinary, and some honest customers are stretched: the model must weigh.
    const blatant = fraud && rng.next() < 0.8;
    const stretched = !fraud && rng.next() < 0.07;
    const utilisation = blatant ? 1.1 + rng.next() * 6 : stretched ? 0.9 + rng.next() * 0.6 : rng.next() ** 2 * 0.9;
    return {
      customer_id: 100_000 + i,
      number_of_open_accounts: Math.max(1, blatant ? 6 + poisson(10) : poisson(3.5) + 1),
      total_credit_limit: limit,
      total_balance: Math.round(limit * utilisation),
      number_of_accounts_in_arrears: blatant ? 1 + poisson(2) : stretched ? poisson(1) : rng.next() < 0.08 ? 1 : 0,
      is_fraud: fraud ? 1 : 0,
    };
  });
}
