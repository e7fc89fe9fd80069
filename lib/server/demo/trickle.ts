// A gentle live trickle while `npm start` runs a seeded demo: each minute, the traffic a day's plan holds for
// the minutes just gone is sent through the same services (about one event a minute, more in the afternoon),
// so the overview, the queue and the drift windows stay current. Never in non-demo mode.
import { demoMode } from '../access/demo-mode';
import { db } from '../platform/db';
import { childLogger } from '../platform/logger';
import type { Principal } from '../access/principal';
import { DEMO_MODELS } from './names';
import { demoAnalyst, sendDay } from './traffic';
import { DAY_MS, planTraffic } from './traffic-plan';

const log = childLogger('demo-trickle');
const EVERY_MS = 60_000;
// Live days use their own seeds, so their ids never meet the seeded fortnight's.
const LIVE_SEED = 100_000;

/** Sends what the plans hold in (since, until]: at most two days' plans, when the span crosses midnight. */
export async function sendTrickle(since: Date, until: Date, analyst: Principal) {
  const sent = { cards: 0, emailChecks: 0, signUps: 0, flagged: 0 };
  const after = (ms: number) => ms > since.getTime() && ms <= until.getTime();
  for (let day = Math.floor(since.getTime() / DAY_MS); day <= Math.floor(until.getTime() / DAY_MS); day++) {
    const { days: [plan] } = planTraffic({ days: 1, now: new Date((day + 1) * DAY_MS - 1), seed: LIVE_SEED + day });
    const r = await sendDay({
      start: plan.start,
      cards: plan.cards.filter((c) => after(c.unix_time * 1000)),
      emails: plan.emails.filter((e) => after(e.at * 1000)),
      signUps: plan.signUps.filter((s) => after(Date.parse(s.EVENT_TIMESTAMP))),
    }, analyst);
    for (const k of Object.keys(sent) as (keyof typeof sent)[]) sent[k] += r[k];
  }
  return sent;
}

/** Starts the minute timer when in demo mode on a database that got the demo traffic; null otherwise. */
export async function startDemoTrickle(): Promise<{ stop(): void } | null> {
  if (!demoMode()) return null;
  if (!(await db().model.findUnique({ where: { name: DEMO_MODELS.registration }, select: { id: true } }))) return null;
  const analyst = await demoAnalyst();
  let since = new Date();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    const until = new Date();
    sendTrickle(since, until, analyst)
      .then((sent) => { since = until; log.debug(sent, 'demo trickle sent'); })
      .catch((err) => log.warn({ err }, 'demo trickle failed; retrying next minute'))
      .finally(() => { busy = false; });
  }, EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
