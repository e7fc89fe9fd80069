// Generators of hostile request parts for the fuzz suite: values, path parameters, query strings and bodies
// (schema-shaped bodies with one part made hostile, so validation gets past the first field).
export type Rng = () => number;

/** A small seeded PRNG: the same seed gives the same requests. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const protoKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** JSON-able values no field should choke on. */
export const HOSTILE_VALUES: unknown[] = [
  null, true, false, 0, -1, 1.5, -0.5, 1e-300, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 32, 2 ** 53, -(2 ** 53), 2 ** 63, 1e308, -1e308,
  'NaN', 'Infinity', '-Infinity', '1e400', '0x10', '', ' ', '\t', 'a\u0000b', '\u0000', '\u0001\u001f', 'line\nbreak', '\ud800', '\u202e', '💥',
  'x'.repeat(300), 'y'.repeat(5000), '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '275760-09-13', '-000001-01-01', '0000-01-01',
  '1899-12-31', '2201-01-01', '2024-02-30', '2024-01-01', '1970-01-01T00:00:00Z', 8.64e15, -8.64e15, 8.64e15 + 1,
  '__proto__', 'constructor', "' OR 1=1 --", '<script>alert(1)</script>', '../../../../etc/passwd', '/proc/self/environ', '%00', '%ZZ',
  'a@b.com', 'email', 'transaction', 'tabular', 'gbdt', 'fraud', 'production', 'http://169.254.169.254/latest', 'http://127.0.0.1:9/hook',
  {}, [], [null], [[[]]], { a: { b: { c: {} } } }, JSON.parse('{"__proto__": {"polluted": 1}}'), JSON.parse('{"constructor": {"prototype": 1}}'),
];

/** Path parameter values as they appear in the URL (encoded or deliberately not). */
export function hostileParam(rng: Rng, pool: string[]): string {
  const r = rng();
  if (r < 0.3 && pool.length) return encodeURIComponent(pick(rng, pool));
  return pick(rng, [
    '%ZZ', '%', '%E0%A4%A', '%25E0%25A4%25A', '%00', 'a%0Ab', '%C0%AF', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'x', '0', '-1', '9007199254740993',
    '__proto__', 'constructor', 'prototype', 'toString', encodeURIComponent('x'.repeat(300)), encodeURIComponent('💥'), '%20', 'null', 'undefined',
    encodeURIComponent("' OR 1=1 --"), encodeURIComponent('a@b.com'), 'email', 'transaction',
  ]);
}

const QUERY_KEYS = ['q', 'decision', 'label', 'category', 'minAmount', 'maxAmount', 'from', 'to', 'cursor', 'limit', 'status', 'type', 'kind', 'window', 'days', 'ids', 'band', 'model', 'name', 'id', 'aggregate', 'timestamp', '__proto__', 'constructor'];

function stringOf(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v) ?? '';
}

/** encodeURIComponent, except that a lone surrogate becomes its (invalid UTF-8) bytes instead of throwing. */
const encode = (s: string) => s.split(/([\ud800-\udfff])/).map((part, i) => (i % 2 ? '%ED%A0%80' : encodeURIComponent(part))).join('');

/** A query string with hostile keys and values (some mis-encoded on purpose). */
export function hostileQuery(rng: Rng): string {
  const n = Math.floor(rng() * 4);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const key = pick(rng, QUERY_KEYS);
    const value = rng() < 0.15 ? pick(rng, ['%ZZ', '%', '%E0%A4%A', 'a%00b']) : encode(stringOf(pick(rng, HOSTILE_VALUES)));
    parts.push(`${key}=${value}`);
  }
  if (rng() < 0.1) parts.push(`ids=${encode([...Array(5)].map(() => stringOf(pick(rng, HOSTILE_VALUES))).join(','))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

type Schema = {
  type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema | false; prefixItems?: Schema[];
  enum?: unknown[]; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; default?: unknown; minimum?: number; maximum?: number; format?: string;
  minItems?: number; additionalProperties?: Schema | boolean; pattern?: string;
};

const SPARKOV = (rng: Rng) => ({
  trans_num: `fz-${Math.floor(rng() * 1e12).toString(36)}`, unix_time: Math.floor(Date.now() / 1000) - 3600, cc_num: '4263982640269299', category: 'shopping_net',
  amt: 912.5, merchant: 'fraud_Kirlin and Sons', lat: 40.7, long: -74, merch_lat: 41.2, merch_long: -73.5, city_pop: 8000000, dob: '1980-04-02', gender: 'F',
  first: 'Ann', last: 'Lee', street: '1 Main St', city: 'Town', state: 'NY', zip: '10001', job: 'Clerk', trans_date_trans_time: '2024-01-01 10:00:00', is_fraud: 0,
});

/** A plausible value for a JSON Schema (from the OpenAPI document), so a mutation lands past the first check. */
function example(s: Schema | undefined, rng: Rng, key = ''): unknown {
  if (!s || Object.keys(s).length === 0) return /transaction/.test(key) ? SPARKOV(rng) : /email/.test(key) ? 'a.b@gmail.com' : 'x';
  if (s.enum) return pick(rng, s.enum);
  if (s.default !== undefined && rng() < 0.3) return s.default;
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return example(pick(rng, alt), rng, key);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) if (s.required?.includes(k) || rng() < 0.5) out[k] = example(v, rng, k);
      return out;
    }
    case 'array': {
      if (s.prefixItems) return s.prefixItems.map((p) => example(p, rng, key));
      const n = Math.max(1, s.minItems ?? 1);
      return Array.from({ length: n }, () => example(s.items || undefined, rng, key === 'transactions' ? 'transaction' : key === 'emails' ? 'email' : key));
    }
    case 'integer': return Math.max(s.minimum ?? 0, Math.min(s.maximum ?? 10, 1));
    case 'number': return Math.max(s.minimum ?? 0, Math.min(s.maximum ?? 1, 0.5));
    case 'boolean': return rng() < 0.5;
    case 'string': return s.format === 'uri' ? 'http://127.0.0.1:9/hook' : /email/.test(key) ? 'a.b@gmail.com' : /note/.test(key) ? 'fuzzing the API' : 'x';
    default: return null;
  }
}

/** Replaces one value somewhere inside `value` with a hostile one, or adds a hostile key. */
function mutate(value: unknown, rng: Rng, depth = 0): unknown {
  if (value && typeof value === 'object' && depth < 4 && rng() < 0.75) {
    if (Array.isArray(value)) {
      if (!value.length) return [pick(rng, HOSTILE_VALUES)];
      const i = Math.floor(rng() * value.length);
      const copy = [...value];
      copy[i] = mutate(copy[i], rng, depth + 1);
      return copy;
    }
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    if (rng() < 0.2 || !keys.length) Object.defineProperty(copy, pick(rng, protoKeys), { value: pick(rng, HOSTILE_VALUES), enumerable: true, configurable: true, writable: true });
    else {
      const k = pick(rng, keys);
      copy[k] = mutate(copy[k], rng, depth + 1);
    }
    return copy;
  }
  return pick(rng, HOSTILE_VALUES);
}

/** A request body: usually schema-shaped JSON with hostile parts, sometimes no JSON at all. */
export function hostileBody(rng: Rng, schema: unknown): { text: string | undefined; contentType?: string } {
  const r = rng();
  if (r < 0.04) return { text: undefined };
  if (r < 0.14) {
    return {
      text: pick(rng, ['', ' ', 'not json', '{', '{"a":', '[]', 'null', '1', '"str"', 'true', deep(5000), '['.repeat(200_000), '{"a":"\u0000"}', '\u0000', 'a,b\n1,2\n']),
      contentType: pick(rng, ['application/json', 'text/plain', 'text/csv', 'application/x-www-form-urlencoded']),
    };
  }
  if (r < 0.17) return { text: JSON.stringify({ big: 'z'.repeat(3_000_000) }), contentType: 'application/json' };
  let value = example(schema as Schema, rng);
  const mutations = 1 + Math.floor(rng() * 3);
  for (let i = 0; i < mutations; i++) value = mutate(value, rng);
  return { text: JSON.stringify(value), contentType: rng() < 0.95 ? 'application/json' : 'text/plain' };
}
