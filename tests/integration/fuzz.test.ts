// Hostile input against every route of the OpenAPI document, through the real route handlers and the proxy's
// request guard: no 5xx, and every 4xx is a JSON error { error: { code, message } }. Seeded: a failure prints
// the seed, and VIGIL_FUZZ_SEED=<seed> replays the same requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEmails, generateTransactions } from '@/lib/demo';
import type { Row } from '@/lib/ml/features';
import { trainModel } from '@/lib/ml/model';
import { db } from '@/lib/server/platform/db';
import { registerVersion, setStage } from '@/lib/server/registry/models';
import { openApiDocument } from '@/lib/server/platform/openapi';
import { guardRequest } from '@/lib/server/platform/request-guard';
import { resetScoringCache } from '@/lib/server/decisions/scoring';
import { ingestTransactions } from '@/lib/server/compat/transactions';
import { createToken, revokeToken } from '@/lib/server/access/tokens';
import { HTTP_METHODS, routeFiles } from './route-files';
import { tokenFor, unique } from './helpers';
import { hostileBody, hostileParam, hostileQuery, mulberry32, pick, type Rng } from './fuzz-values';

const SEED = Number(process.env.VIGIL_FUZZ_SEED ?? 90_901);
const PER_OPERATION = 36;
const MIN_TOTAL = 2000;
const SESSION_ONLY = ['/api/account/password'];

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Operation { method: string; path: string; bodySchema?: unknown; handlers: Record<string, unknown> }
interface Failure { request: string; status: number; body: string }

const credentials: { name: string; header?: string }[] = [];
const pools: Record<string, string[]> = { id: [], kind: ['email', 'transaction', 'tabular'], email: ['a.b@gmail.com', 'xq7zk93vw@liamg.moc'] };
let operations: Operation[] = [];
let started = new Date();

async function seedData() {
  const now = Math.floor(Date.now() / 1000);
  const tx = await trainModel({ kind: 'transaction', rows: generateTransactions({ cards: 40, days: 6, seed: 91, fraudRate: 0.08 }) as unknown as Row[], labelColumn: 'is_fraud', algorithm: 'gbdt', params: { rounds: 10 } });
  const email = await trainModel({ kind: 'email', rows: generateEmails({ count: 300, seed: 91 }) as unknown as Row[], labelColumn: 'label', algorithm: 'gbdt', params: { rounds: 10 } });
  for (const trained of [tx, email]) {
    const v = await registerVersion({ trained, modelName: unique("fuzz") });
    await setStage(v.id, 'production', 'fuzz suite', null);
    pools.id.push(v.id);
  }
  resetScoringCache();
  const prefix = unique('fuzz');
  const live = generateTransactions({ cards: 8, days: 1, seed: 92, start: (now - 2 * 86_400) * 1000, fraudRate: 0.3 }).slice(0, 20).map((t, i) => ({ ...t, trans_num: `${prefix}-${i}` }));
  await ingestTransactions(live, null);
  const rows = await db().event.findMany({ where: { eventType: 'card_transaction', externalId: { startsWith: prefix } }, select: { id: true } });
  pools.id.push(...rows.map((r) => r.id));
  const alert = await db().alert.findFirst({ select: { id: true } });
  if (alert) pools.id.push(alert.id);
  const dataset = await db().datasetVersion.findFirst({ select: { id: true } });
  if (dataset) pools.id.push(dataset.id);
}

async function loadOperations(): Promise<Operation[]> {
  const files = new Map(routeFiles().map((r) => [r.path, r.file]));
  const doc = openApiDocument();
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    const file = files.get(path);
    if (!file) throw new Error(`OpenAPI path ${path} has no route file`);
    const handlers = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [method, op] of Object.entries(methods as Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>)) {
      const bodySchema = op.requestBody?.content['application/json']?.schema;
      ops.push({ method: method.toUpperCase(), path, bodySchema, handlers });
    }
  }
  return ops;
}

beforeAll(async () => {
  started = new Date();
  await seedData();
  for (const role of ['admin', 'admin', 'admin', 'admin', 'engineer', 'engineer', 'analyst', 'viewer'] as const) credentials.push({ name: role, header: `Bearer ${await tokenFor(role)}` });
  credentials.push({ name: 'admin (bare token)', header: credentials[0].header!.slice('Bearer '.length) });
  const revoked = await createToken({ name: unique('fuzz-revoked'), role: 'admin' }, null);
  await revokeToken(revoked.id, null);
  credentials.push({ name: 'revoked', header: `Bearer ${revoked.token}` }, { name: 'garbage', header: `Bearer vgl_\u00ff${'x'.repeat(500)}` }, { name: 'none' });
  operations = await loadOperations();
});

afterAll(async () => {
  // Jobs the fuzzer queued (training, drift) must not wait for a worker in later suites.
  await db().job.deleteMany({ where: { createdAt: { gte: started } } });
});

/** Fills {param} placeholders; the raw value may be deliberately mis-encoded. */
function buildPath(template: string, rng: Rng): { url: string; params: Record<string, string> | null } {
  const params: Record<string, string> = {};
  let ok = true;
  const url = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const raw = hostileParam(rng, pools[name] ?? pools.id);
    try {
      params[name] = decodeURIComponent(raw); // as Next decodes path parameters
    } catch {
      ok = false;
    }
    return raw;
  });
  return { url, params: ok ? params : null };
}

async function send(op: Operation, rng: Rng): Promise<{ describe: string; res: Response }> {
  const method = rng() < 0.1 ? pick(rng, [...HTTP_METHODS]) : op.method;
  const { url: path, params } = buildPath(op.path, rng);
  const query = op.method === 'GET' || rng() < 0.2 ? hostileQuery(rng) : '';
  // Outside Next there is no request scope for next-auth's session lookup: session-only routes get a credential.
  const cred = SESSION_ONLY.includes(op.path) ? pick(rng, credentials.filter((c) => c.header)) : pick(rng, credentials);
  const headers = new Headers();
  if (cred.header) headers.set('authorization', cred.header);
  let body: string | undefined;
  if (method !== 'GET') {
    const b = hostileBody(rng, op.bodySchema);
    body = b.text;
    if (b.contentType) headers.set('content-type', b.contentType);
  }
  const fullUrl = `http://localhost${path}${query}`;
  const describe = `${method} ${path}${query.slice(0, 200)} as ${cred.name}${body !== undefined ? ` body=${JSON.stringify(body.slice(0, 300))}${body.length > 300 ? `…(${body.length} chars)` : ''}` : ''}`;
  const guarded = guardRequest(method, new URL(fullUrl).pathname);
  if (guarded) return { describe, res: Response.json(guarded.body, { status: guarded.status, headers: guarded.headers }) };
  const handler = op.handlers[method] as Handler | undefined;
  if (!handler) return { describe, res: new Response(null, { status: 405 }) }; // what Next would answer: an empty 405
  if (!params) return { describe, res: new Response('Internal Server Error', { status: 500 }) }; // Next's decode failure
  return { describe, res: await handler(new Request(fullUrl, { method, headers, body }), { params: Promise.resolve(params) }) };
}

async function problem(res: Response): Promise<string | null> {
  const text = await res.text(); // reads streamed bodies (CSV export) to the end too
  if (res.status >= 500) return `status ${res.status}`;
  if (res.status < 400) return null;
  try {
    const json = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof json.error?.code !== 'string' || typeof json.error?.message !== 'string' || !json.error.message) return 'a 4xx without { error: { code, message } }';
  } catch {
    return 'a 4xx whose body is not JSON';
  }
  return null;
}

describe(`fuzz (seed ${SEED})`, () => {
  it('answers hostile requests to every route with no 5xx and JSON 4xx errors', async () => {
    const rng = mulberry32(SEED);
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    let total = 0;
    const t0 = performance.now();
    for (let round = 0; round < PER_OPERATION; round++) {
      for (const op of operations) {
        const { describe, res } = await send(op, rng);
        const status = res.status;
        const bad = await problem(res.clone());
        const text = bad ? (await res.text()).slice(0, 300) : '';
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        total++;
        if (bad) failures.push({ request: describe, status, body: `${bad}: ${text}` });
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(`fuzz seed ${SEED}: ${total} requests over ${operations.length} operations in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(total).toBeGreaterThanOrEqual(MIN_TOTAL);
    expect(failures, `seed ${SEED} (replay with VIGIL_FUZZ_SEED=${SEED}); ${failures.length} failures, first ones:\n${failures.slice(0, 12).map((f) => `  ${f.status} ${f.request}\n      → ${f.body}`).join('\n')}`).toEqual([]);
  });
});
