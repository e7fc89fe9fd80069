// The live demo's traffic: `days` days of card payments, email checks and sign-ups sent through the same
// services the API uses (so they are scored, flagged, alerted on and shadow-scored as live traffic is),
// then the analyst's past labels and a daily drift history. Runs once, after seedDemo, on a fresh database.
import { ScoreEmailInput } from '@/lib/schemas/scoring';
import { db } from '../platform/db';
import { computeDriftSnapshots } from '../monitoring/drift';
import { resetExpectedRates } from '../decisions/expected-rate';
import { ingestEvents } from '../events';
import { childLogger } from '../platform/logger';
import type { Principal } from '../access/principal';
import { scoreEmail } from '../compat/score-email';
import { ingestTransactions } from '../compat/transactions';
import { DEMO_USERS, userPrincipal } from '../access/users';
import { workPastDays } from './analyst';
import { trainCardChallenger, trainRegistrationModel } from './models';
import { DAY_MS, type DayPlan, planTraffic } from './traffic-plan';

const log = childLogger('demo-traffic');
const BATCH = 500;

export interface DemoTrafficOptions {
  days?: number;
  now?: Date;
  /** Volume multiplier (1 = DEMO_VOLUME); tests use a small one. */
  scale?: number;
  /** Generator seed (default 21): another seed sends other ids, so a second run in one database is new traffic. */
  seed?: number;
  print?: (line: string) => void;
}

export async function seedDemoTraffic(opts: DemoTrafficOptions = {}) {
  const started = Date.now();
  const days = opts.days ?? 14;
  const now = opts.now ?? new Date();
  const print = opts.print ?? (() => {});
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const analyst = await demoAnalyst();

  const plan = planTraffic({ days, now, scale: opts.scale, seed: opts.seed });
  const ms = { models: 0, cards: 0, emailChecks: 0, signUps: 0, labels: 0, drift: 0 };
  let t = Date.now();
  const lap = (k: keyof typeof ms) => { ms[k] += Date.now() - t; t = Date.now(); };
  const registrationVersionId = await trainRegistrationModel(plan.windowStart);
  const shadowVersionId = await trainCardChallenger();
  lap('models');
  print(`  Demo traffic: sign-up model in production, challenger card model in shadow (${elapsed()})`);

  const totals = { cards: 0, emailChecks: 0, signUps: 0, flagged: 0 };
  for (const [d, day] of plan.days.entries()) {
    const sent = await sendDay(day, analyst, ms);
    t = Date.now();
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += sent[k];
    if (d % 5 === 4 || d === plan.days.length - 1) print(`  Demo traffic: day ${d + 1}/${days} sent (${totals.cards + totals.emailChecks + totals.signUps} events, ${elapsed()})`);
  }

  const labels = await workPastDays(plan, analyst, now);
  lap('labels');
  let driftSnapshots = 0;
  // The base-rate estimate cached while the first day was scored saw no traffic yet; drift needs today's.
  resetExpectedRates();
  for (const day of plan.days.slice(0, -1)) driftSnapshots += (await computeDriftSnapshots({ window: 'day', at: new Date(day.start.getTime() + DAY_MS) })).length;
  driftSnapshots += (await computeDriftSnapshots({ window: 'day', at: now })).length;
  lap('drift');
  const summary = { days, ...totals, labels, driftSnapshots, registrationVersionId, shadowVersionId, totalMs: Date.now() - started, ms };
  log.info(summary, 'demo traffic seeded');
  print(`  Demo traffic: ${totals.cards} card payments, ${totals.emailChecks} email checks, ${totals.signUps} sign-ups over ${days} days; ${totals.flagged} flagged, ${labels} labelled (${elapsed()})`);
  return summary;
}

/** One day's traffic, stream by stream; `ms` adds up each stream's time. */
export async function sendDay(day: DayPlan, analyst: Principal, ms: Record<'cards' | 'emailChecks' | 'signUps', number> = { cards: 0, emailChecks: 0, signUps: 0 }) {
  let flagged = 0, cards = 0;
  let t = Date.now();
  for (let i = 0; i < day.cards.length; i += BATCH) {
    const r = await ingestTransactions(day.cards.slice(i, i + BATCH), analyst);
    flagged += r.flagged;
    cards += r.stored; // a payment already stored (a re-run, or a shared database) is a duplicate, not new traffic
  }
  ms.cards += Date.now() - t;
  t = Date.now();
  for (const check of day.emails) {
    const r = await scoreEmail(ScoreEmailInput.parse({ email: check.email, save: true }), analyst, { occurredAt: new Date(check.at * 1000) });
    if (r.decision !== 'allow') flagged++;
  }
  ms.emailChecks += Date.now() - t;
  t = Date.now();
  for (let i = 0; i < day.signUps.length; i += BATCH) flagged += (await ingestEvents('registration', day.signUps.slice(i, i + BATCH), analyst)).flagged;
  ms.signUps += Date.now() - t;
  return { cards, emailChecks: day.emails.length, signUps: day.signUps.length, flagged };
}

export async function demoAnalyst(): Promise<Principal> {
  const email = DEMO_USERS.find((u) => u.role === 'analyst')!.email;
  return userPrincipal(await db().user.findUniqueOrThrow({ where: { email } }));
}
