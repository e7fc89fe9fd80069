// Web-shop orders for a custom event type: fraud comes in bursts per customer (several orders within
// minutes, each on a different card BIN), so per-entity aggregates carry the signal the fields lack.
import type { EventTypeDefinition } from '../ml/events/definition';
import { createRng } from '../ml/rng';

export type Order = {
  order_id: string; created_at: string | number; customer_id: string; email: string; ip: string;
  card_bin: string; order_price: number; country: string; is_fraud: 0 | 1;
};

export const ORDER_EVENT_TYPE: EventTypeDefinition = {
  name: 'web_order',
  label: 'Web order',
  idField: 'order_id',
  timeField: 'created_at',
  amountField: 'order_price',
  fields: [
    { name: 'order_id', type: 'id' },
    { name: 'created_at', type: 'timestamp' },
    { name: 'customer_id', type: 'id', entity: 'customer' },
    { name: 'email', type: 'email', entity: 'email' },
    { name: 'ip', type: 'ip', entity: 'ip' },
    { name: 'card_bin', type: 'category' },
    { name: 'order_price', type: 'number' },
    { name: 'country', type: 'category' },
  ],
  aggregates: [
    { entity: 'customer', fn: 'count', window: '1h' },
    { entity: 'customer', fn: 'count', window: '24h' },
    { entity: 'customer', fn: 'since_last' },
    { entity: 'customer', fn: 'sum', field: 'order_price', window: '24h' },
    { entity: 'customer', fn: 'ratio_to_mean', field: 'order_price' },
    { entity: 'customer', fn: 'max', field: 'order_price', window: '7d' },
    { entity: 'customer', fn: 'mean', field: 'order_price', window: '30d' },
    { entity: 'email', fn: 'distinct', field: 'card_bin', window: '7d' },
    { entity: 'ip', fn: 'count', window: '10m' },
    { entity: 'ip', fn: 'distinct', field: 'customer_id', window: '24h' },
  ],
};

const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'BR'];
const START = Date.UTC(2026, 0, 1) / 1000;
const DAYS = 30;

/**
 * About `orders` legit orders from `customers` people plus `bursts` fraud bursts; customer 'guest' is a
 * hot key with `hot` orders. time 'iso' | 'ms' | 'mixed' picks how created_at is written.
 */
export function generateOrders({ customers = 2000, orders = 10000, bursts = 150, hot = 0, seed = 7, time = 'iso' as 'iso' | 'ms' | 'mixed' } = {}): Order[] {
  const rng = createRng(seed);
  const people = Array.from({ length: customers }, (_, i) => ({
    id: `c${i}`, email: `user${i}@mail${i % 7}.com`, ip: `10.${i % 200}.${rng.int(256)}.${rng.int(256)}`,
    bin: String(400000 + rng.int(90000)), country: rng.pick(COUNTRIES), spend: 20 + rng.next() * 80,
  }));
  const out: Order[] = [];
  const stamp = (t: number): string | number => {
    const mode = time === 'mixed' ? (['iso', 'ms', 's'] as const)[rng.int(3)] : time;
    if (mode === 'ms') return Math.round(t * 1000);
    if (mode === 's') return Math.round(t);
    return new Date(Math.round(t) * 1000).toISOString().replace('.000Z', 'Z');
  };
  const price = (spend: number) => Math.round(spend * Math.exp(0.6 * rng.normal()) * 100) / 100;
  const push = (p: (typeof people)[number], t: number, bin: string, amount: number, fraud: 0 | 1, ip = p.ip) =>
    out.push({ order_id: `o${out.length}`, created_at: stamp(t), customer_id: p.id, email: p.email, ip, card_bin: bin, order_price: amount, country: p.country, is_fraud: fraud });

  for (let k = 0; k < orders; k++) {
    const p = people[rng.int(customers)];
    push(p, START + rng.next() * DAYS * 86400, p.bin, price(p.spend), 0);
  }
  const guest = { id: 'guest', email: 'guest@shop.example', ip: '192.0.2.1', bin: '411111', country: 'US', spend: 40 };
  for (let k = 0; k < hot; k++) push(guest, START + rng.next() * DAYS * 86400, String(400000 + rng.int(300)), price(40), 0);
  for (let b = 0; b < bursts; b++) {
    const p = people[rng.int(customers)];
    let t = START + rng.next() * DAYS * 86400;
    const ip = `203.0.${rng.int(256)}.${rng.int(256)}`;
    // Several orders within minutes, each on a different card, at prices a legit customer would also pay.
    for (let k = 0, n = 3 + rng.int(6); k < n; k++, t += 30 + rng.int(300)) push(p, t, String(400000 + rng.int(90000)), price(p.spend * 1.2), 1, rng.next() < 0.5 ? ip : p.ip);
  }
  return out;
}
