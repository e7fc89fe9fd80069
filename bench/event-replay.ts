// Training-side cost of event aggregates: replayAggregates over typed columns, and the largest live state.
//   1. 500k orders-like rows, 20k customers with one hot key (a tenth of all rows) and a distinct over 500 BINs;
//   2. 1M rows whose IP and email keys are all different (registration preset): memory must not grow per key.
// Prints milliseconds, rows/s and the process's peak RSS (the replay keeps one entity state alive at a time).
//
//   npx tsx bench/event-replay.ts [--rows 500000]
// Measured 2026-12-03 on 2 CPUs at load average ≈ 6 (shared): 500k hot-key rows in 4.8 s, 1M one-off-key rows in
// 9.9 s at 465 MB peak RSS (the earlier all-keys-in-a-Map replay needed 1.45 GB); a hot IP's state ≤ 5.4 KB.
import { foldEvent, type EntityState, replayAggregates } from '@/lib/ml/events/aggregates';
import type { AggregateDef, EventTypeDefinition } from '@/lib/ml/events/definition';
import { PRESETS, REGISTRATION } from '@/lib/ml/events/presets';
import { type Table, tableView } from '@/lib/ml/table';
import { argValue, cpuInfo, fmt, table } from './lib/common';

const N = Number(argValue(process.argv.slice(2), 'rows', '500000'));
const text = (codes: Uint32Array, dict: string[]) => ({ type: 'text' as const, codes, dict });

function orders(n: number): Table {
  const time = new Float64Array(n), price = new Float64Array(n), cust = new Uint32Array(n), bin = new Uint32Array(n);
  let x = 1;
  const rnd = () => ((x = (x * 48271) % 2147483647) / 2147483647);
  for (let i = 0; i < n; i++) {
    time[i] = 1.7e9 + Math.floor(rnd() * 30 * 86400); price[i] = Math.round(rnd() * 10000) / 100;
    cust[i] = i % 10 === 0 ? 1 : 1 + Math.floor(rnd() * 20000); bin[i] = 1 + Math.floor(rnd() * 500);
  }
  const custDict = [''].concat(Array.from({ length: 20000 }, (_, i) => `c${i}`)), binDict = [''].concat(Array.from({ length: 500 }, (_, i) => String(400000 + i)));
  return { kind: 'table', nRows: n, names: ['time', 'customer', 'bin', 'price'], columns: [{ type: 'number', values: time }, text(cust, custDict), text(bin, binDict), { type: 'number', values: price }] };
}

function oneOffKeys(n: number): Table {
  const time = new Float64Array(n), codes = Uint32Array.from({ length: n }, (_, i) => i + 1);
  for (let i = 0; i < n; i++) time[i] = 1.7e9 + i * 2;
  const ips = [''].concat(Array.from({ length: n }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`));
  const emails = [''].concat(Array.from({ length: n }, (_, i) => `user${i}@example.com`));
  return { kind: 'table', nRows: n, names: ['EVENT_TIMESTAMP', 'ip_address', 'email_address'], columns: [{ type: 'number', values: time }, text(codes, ips), text(codes, emails)] };
}

const ORDERS: EventTypeDefinition = {
  name: 'orders', idField: 'id', timeField: 'time',
  fields: [{ name: 'id', type: 'id' }, { name: 'time', type: 'timestamp' }, { name: 'customer', type: 'id', entity: 'customer' }, { name: 'bin', type: 'category' }, { name: 'price', type: 'number' }],
  aggregates: ([['count', '1h'], ['count', '24h'], ['since_last'], ['sum', '24h', 'price'], ['ratio_to_mean', undefined, 'price'], ['distinct', '7d', 'bin']] as const)
    .map(([fn, window, field]) => ({ entity: 'customer', fn, ...(window ? { window } : {}), ...(field ? { field } : {}) }) as AggregateDef),
};

const rows: (string | number)[][] = [];
for (const [name, def, data] of [['orders, hot key', ORDERS, orders(N)], ['registration, one-off keys', REGISTRATION, oneOffKeys(2 * N)]] as const) {
  const t0 = performance.now();
  replayAggregates(def, tableView(data));
  const ms = performance.now() - t0;
  rows.push([name, data.nRows, def.aggregates.length, fmt(ms, 0), fmt(data.nRows / (ms / 1000), 0), fmt(process.resourceUsage().maxRSS / 1024, 0)]);
}
console.log(cpuInfo());
console.log(table(['replay', 'rows', 'aggregates', 'ms', 'rows/s', 'peak RSS MB'], rows));

// The largest state JSON of one key under 40k events, 20 s apart, every value new (worst case for distinct).
const sizes = PRESETS.flatMap((def) => [...new Set(def.fields.flatMap((f) => (f.entity ? [f.entity] : [])))].map((entity) => {
  let s: EntityState | undefined, max = 0;
  for (let i = 0; i < 40000; i++) {
    const ev = Object.fromEntries(def.fields.map((f) => [f.name, f.type === 'number' ? i % 997 : `${f.name}-${i}@example.com`]));
    s = foldEvent(def, ev, 1.7e9 + i * 20, entity, s);
    if (i % 500 === 0) max = Math.max(max, JSON.stringify(s).length);
  }
  return [def.name, entity, max];
}));
console.log(table(['preset', 'entity', 'hot key state JSON bytes (max)'], sizes));
