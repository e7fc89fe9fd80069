// Environment, validated once. Every other module reads configuration from here.
import path from 'node:path';
import { z } from 'zod';
import { OidcDefaultRole, OidcRoleMap } from '@/lib/schemas/oidc';

const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1).default('file:./data/vigil.db'),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** File holding the session secret; npm start always passes the secret this way, never in the environment. */
  NEXTAUTH_SECRET_FILE: z.string().min(1).optional(),
  /** Comma-separated IPs or CIDRs of reverse proxies whose X-Forwarded-For is believed. */
  VIGIL_TRUSTED_PROXIES: z.string().default(''),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  VIGIL_ADMIN_EMAIL: z.email().optional(),
  VIGIL_ADMIN_PASSWORD: z.string().min(8).optional(),
  /** Unset: demo mode only when NEXTAUTH_URL is a loopback address (see lib/server/access/demo-mode.ts). */
  VIGIL_DEMO: z.enum(['0', '1']).optional(),
  /** '0': a fresh demo database gets the demo's models and users but no live traffic (the e2e suite's clean start). */
  VIGIL_DEMO_TRAFFIC: z.enum(['0', '1']).default('1'),
  NEXTAUTH_URL: z.string().max(2000).optional(),
  VIGIL_DATA_DIR: z.string().default('data'),
  VIGIL_NATS_URL: z.string().optional(),
  VIGIL_NATS_STREAM: z.string().default('VIGIL'),
  VIGIL_NATS_SUBJECT: z.string().default('vigil.transactions'),
  /** Events of type T arrive on <prefix>.T. */
  VIGIL_NATS_EVENTS_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'A NATS subject without wildcards.').default('vigil.events'),
  /** How online scores explain themselves: 'path' attribution (fast) or exact 'shap' (TreeSHAP). */
  VIGIL_EXPLAIN: z.enum(['path', 'shap']).default('path'),
  VIGIL_COMPAT_AUTH: z.enum(['optional', 'required']).default('optional'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VIGIL_JOB_LEASE_MS: z.coerce.number().int().min(500).default(30_000),
  VIGIL_WORKER_POLL_MS: z.coerce.number().int().min(50).default(1_000),
  /** Server-path dataset imports read only regular files inside this directory (relative to the working directory). */
  VIGIL_IMPORT_DIR: z.string().trim().min(1).default('data/imports'),
  /** '1' lets webhooks reach private and loopback addresses (on-premises receivers). */
  VIGIL_WEBHOOK_ALLOW_PRIVATE: z.enum(['0', '1']).default('0'),
  // Single sign-on (OIDC): on when the issuer, client id and secret are all set.
  VIGIL_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  VIGIL_OIDC_CLIENT_ID: z.string().min(1).max(512).optional(),
  VIGIL_OIDC_CLIENT_SECRET: z.string().min(1).max(2048).optional(),
  VIGIL_OIDC_NAME: z.string().trim().min(1).max(60).default('Single sign-on'),
  VIGIL_OIDC_ROLE_CLAIM: z.string().trim().min(1).max(200).default('groups'),
  VIGIL_OIDC_ROLE_MAP: OidcRoleMap.default(new Map()),
  VIGIL_OIDC_DEFAULT_ROLE: OidcDefaultRole.default('viewer'),
  VIGIL_OIDC_JIT: z.enum(['0', '1']).default('1'),
}).superRefine((e, ctx) => {
  const oidc = { VIGIL_OIDC_ISSUER: e.VIGIL_OIDC_ISSUER, VIGIL_OIDC_CLIENT_ID: e.VIGIL_OIDC_CLIENT_ID, VIGIL_OIDC_CLIENT_SECRET: e.VIGIL_OIDC_CLIENT_SECRET };
  const missing = Object.entries(oidc).filter(([, v]) => !v).map(([k]) => k);
  if (missing.length > 0 && missing.length < 3) ctx.addIssue({ code: 'custom', path: [missing[0]], message: `single sign-on needs ${Object.keys(oidc).join(', ')} together; ${missing.join(', ')} missing` });
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** One variable validated now rather than from the cache: settings that tests (or operators) change at run time. */
export function envNow<K extends keyof Env>(key: K): Env[K] {
  return EnvSchema.shape[key].parse(process.env[key] || undefined) as Env[K];
}

export type DbProvider = 'sqlite' | 'postgres';

export function dbProvider(url = env().DATABASE_URL): DbProvider {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** Absolute path of a SQLite URL such as file:./data/vigil.db (relative to the working directory). */
export function sqlitePath(url = env().DATABASE_URL): string {
  return path.resolve(url.replace(/^file:/, ''));
}
