// Marketplace click logs in the shape of seed 004's data (UserId, Event, Category, Fake): fake users
// (bots) act more, favour emails and ad clicks, and hop across categories.
import { createRng } from '../ml/rng';

export interface UserEvent { UserId: string; Event: string; Category: string; Fake: 0 | 1 }

export const USER_EVENTS = ['send_email', 'click_ad', 'click_carrousel', 'phone_call', 'send_sms'] as const;
export const USER_CATEGORIES = ['Motor', 'Holidays', 'Leisure', 'Phone', 'Real_State', 'Jobs'] as const;

const HUMAN_EVENT_WEIGHTS = [0.17, 0.17, 0.22, 0.22, 0.22];
const BOT_EVENT_WEIGHTS = [0.45, 0.41, 0.05, 0.05, 0.04];

export function generateUserEvents({ users = 1500, fakeRate = 0.06, seed = 42 } = {}): UserEvent[] {
  const rng = createRng(seed);
  const pickWeighted = (weights: number[]) => {
    let u = rng.next();
    for (let i = 0; i < weights.length; i++) if ((u -= weights[i]) < 0) return i;
    return weights.length - 1;
  };
  const events: UserEvent[] = [];
  for (let u = 0; u < users; u++) {
    const fake = rng.next() < fakeRate;
    const id = Array.from({ length: 10 }, () => '0123456789ABCDEF'[rng.int(16)]).join('');
    const n = fake ? 10 + rng.int(50) : 1 + rng.int(35);
    // Humans stick to one or two categories; bots spray.
    const home = [rng.pick(USER_CATEGORIES), rng.pick(USER_CATEGORIES)];
    // A few bots behave like people, so the problem is not trivial.
    const weights = fake && rng.next() > 0.15 ? BOT_EVENT_WEIGHTS : HUMAN_EVENT_WEIGHTS;
    for (let k = 0; k < n; k++) {
      const category = fake || rng.next() < 0.1 ? rng.pick(USER_CATEGORIES) : home[rng.int(2)];
      events.push({ UserId: id, Event: USER_EVENTS[pickWeighted(weights)], Category: category, Fake: fake ? 1 : 0 });
    }
  }
  return rng.shuffle(events);
}
