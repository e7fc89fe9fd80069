// Seeded labelled email addresses in the spirit of seed 000's data set:
// legit = name-style on real providers, fraud = random-looking on mirrored, typo-squatted
// or disposable domains. Some deliberate overlap keeps a good model below AUC 1.0.
import { createRng, type Rng } from '../ml/rng';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from './names';

export interface LabelledEmail {
  email: string;
  /** 1 = fraud. */
  label: 0 | 1;
}

export interface EmailOptions {
  count: number;
  /** Share of fraud addresses, in [0, 1]; the count is rounded. */
  fraudRate?: number;
  seed?: number;
}

type Weighted<T> = readonly (readonly [T, number])[];

// Real mailbox providers, weighted roughly by popularity, plus company and university domains.
const LEGIT_DOMAINS: Weighted<string> = [
  ['gmail.com', 30], ['yahoo.com', 12], ['outlook.com', 10], ['hotmail.com', 9], ['icloud.com', 7],
  ['aol.com', 3], ['protonmail.com', 2], ['live.com', 2], ['msn.com', 1], ['comcast.net', 2],
  ['verizon.net', 1], ['att.net', 1], ['me.com', 1], ['mail.com', 1], ['gmx.com', 1],
  ['yahoo.co.uk', 1], ['hotmail.co.uk', 1], ['gmx.de', 1], ['web.de', 1], ['orange.fr', 1],
  ['contoso.com', 1.5], ['fabrikam.com', 1.5], ['northwindtraders.com', 1.5], ['initech.com', 1],
  ['umich.edu', 1], ['utexas.edu', 1], ['berkeley.edu', 1],
];
// The providers fraudsters also sign up on, with a random local part.
const FREE_PROVIDERS = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com'] as const;

// Brands whose names get mirrored ("liamg.moc") or put on a fake TLD ("gmail.zz").
const BRANDS = ['gmail', 'yahoo', 'outlook', 'hotmail', 'apple', 'icloud', 'facebook', 'amazon', 'paypal'] as const;
const TLDS = ['com', 'net', 'org'] as const;
const FAKE_TLDS = ['zz', 'wow', 'hi', 'xyz', 'top'] as const;

const TYPO_DOMAINS = [
  'gmial.com', 'gmai.com', 'gamil.com', 'gnail.com', 'gmail.co', 'gmaill.com', 'yahooo.com', 'yaho.com',
  'yhaoo.com', 'outlok.com', 'outloook.com', 'hotmial.com', 'hotmai.com', 'hotmal.com', 'iclod.com',
  'icloud.co', 'aoll.com',
] as const;

// Every entry is on the npm `disposable-email-domains` list (checked by the tests).
export const DISPOSABLE_DOMAINS = [
  'mailinator.com', '10minutemail.com', 'guerrillamail.com', 'temp-mail.org', 'yopmail.com',
  'trashmail.com', 'sharklasers.com', 'getnada.com', 'maildrop.cc', 'dispostable.com',
  'throwawaymail.com', 'fakeinbox.com', 'mintemail.com', 'spamgourmet.com', 'mailnesia.com',
  'tempmailo.com', 'guerrillamailblock.com', 'grr.la', 'tempail.com', 'mohmal.com', 'mytemp.email',
  'trashmail.de', 'mailcatch.com', 'discard.email', 'emailfake.com', 'jetable.org', 'tempinbox.com',
  'moakt.com', 'mailpoof.com', 'inboxkitten.com', 'burnermail.io', 'tempr.email',
] as const;

const HANDLE_WORDS = [
  'blue', 'dark', 'happy', 'lucky', 'silver', 'wild', 'cool', 'little', 'big', 'red',
  'wolf', 'falcon', 'tiger', 'gamer', 'skater', 'rider', 'ninja', 'star', 'fox', 'bear',
] as const;
const SPAM_WORDS = ['free', 'promo', 'bonus', 'winner', 'gift', 'deal', 'cash', 'crypto', 'offer', 'vip'] as const;
const CONSONANTS = 'bcdfghjklmnpqrstvwxz';
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function generateEmails(opts: EmailOptions): LabelledEmail[] {
  const { count, fraudRate = 0.5, seed = 42 } = opts;
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
  if (!(fraudRate >= 0 && fraudRate <= 1)) throw new RangeError('fraudRate must be in [0, 1]');

  const rng = createRng(seed);
  const nFraud = Math.round(count * fraudRate);
  const labels = rng.shuffle(Array.from({ length: count }, (_, i): 0 | 1 => (i < nFraud ? 1 : 0)));
  const seen = new Set<string>();
  return labels.map((label) => {
    let email = label ? fraudEmail(rng) : legitEmail(rng);
    // Name collisions get a numeric suffix, as real providers force people to do.
    for (let tries = 0; seen.has(email); tries++) {
      const at = email.indexOf('@');
      email = `${email.slice(0, at)}${tries < 20 ? rng.int(100) : rng.int(1_000_000)}${email.slice(at)}`;
    }
    seen.add(email);
    return { email, label };
  });
}

function legitEmail(rng: Rng): string {
  const r = rng.next();
  // ~6% of real users have handle-like or digit-heavy addresses (noise for the model).
  if (r < 0.03) return `${handle(rng)}@${weighted(rng, LEGIT_DOMAINS)}`;
  if (r < 0.06) return `${digitHeavy(rng)}@${rng.pick(FREE_PROVIDERS)}`;
  return `${nameLocal(rng)}@${weighted(rng, LEGIT_DOMAINS)}`;
}

function fraudEmail(rng: Rng): string {
  const r = rng.next();
  if (r < 0.1) {
    // Stolen or synthetic identity: a name-style address, the hardest case.
    const domain = rng.next() < 0.5 ? rng.pick(DISPOSABLE_DOMAINS) : rng.next() < 0.6 ? rng.pick(FREE_PROVIDERS) : rng.pick(TYPO_DOMAINS);
    return `${nameLocal(rng)}@${domain}`;
  }
  return `${randomLocal(rng)}@${fraudDomain(rng)}`;
}

function fraudDomain(rng: Rng): string {
  const r = rng.next();
  if (r < 0.3) return mirrored(rng);
  if (r < 0.45) return rng.pick(TYPO_DOMAINS);
  if (r < 0.72) return rng.pick(DISPOSABLE_DOMAINS);
  if (r < 0.8) return `${rng.pick(BRANDS)}.${rng.pick(FAKE_TLDS)}`;
  return rng.pick(FREE_PROVIDERS);
}

/** Brand name, TLD or both reversed: "liamg.com", "gmail.moc", "elppa.moc". */
function mirrored(rng: Rng): string {
  const brand = rng.pick(BRANDS);
  const tld = rng.pick(TLDS);
  const r = rng.next();
  if (r < 0.4) return `${reverse(brand)}.${tld}`;
  if (r < 0.7) return `${brand}.${reverse(tld)}`;
  if (r < 0.9) return `${reverse(brand)}.${reverse(tld)}`;
  return `${reverse(brand)}.${rng.pick(FAKE_TLDS)}`;
}

function nameLocal(rng: Rng): string {
  const first = clean(rng.pick(rng.next() < 0.5 ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES));
  const last = clean(rng.pick(LAST_NAMES));
  const year = 1950 + rng.int(57);
  const yy = String(year % 100).padStart(2, '0');
  const r = rng.next();
  if (r < 0.3) return `${first}.${last}`;
  if (r < 0.38) return `${first}${last}`;
  if (r < 0.44) return `${first}_${last}`;
  if (r < 0.54) return `${first[0]}${last}${yy}`;
  if (r < 0.64) return `${first}.${last}${1 + rng.int(rng.next() < 0.7 ? 99 : 999)}`;
  if (r < 0.7) return `${first}${last}.${year}`;
  if (r < 0.75) return `${first}${year}`;
  if (r < 0.81) return `${first[0]}.${last}`;
  if (r < 0.85) return `${last}.${first}`;
  if (r < 0.9) return `${first}.${String.fromCharCode(97 + rng.int(26))}.${last}`;
  if (r < 0.94) return `${first}-${last}`;
  if (r < 0.97) return `${first}${last[0]}`;
  return `${first[0]}${last}`;
}

function randomLocal(rng: Rng): string {
  const r = rng.next();
  // Two random parts joined by a dot, like most of seed 000's fraud rows.
  if (r < 0.45) return `${chars(rng, ALNUM, 5 + rng.int(6))}.${chars(rng, ALNUM, 5 + rng.int(6))}`;
  if (r < 0.62) return chars(rng, ALNUM, 8 + rng.int(9));
  if (r < 0.74) return `${chars(rng, CONSONANTS, 4 + rng.int(5))}${digits(rng, 2 + rng.int(5))}`;
  if (r < 0.8) return digits(rng, 8 + rng.int(5));
  if (r < 0.9) {
    const sep = rng.pick(['.', '_', '']);
    return `${rng.pick(SPAM_WORDS)}${sep}${rng.pick(SPAM_WORDS)}${digits(rng, 2 + rng.int(4))}`;
  }
  // A first name glued to junk: looks half-human.
  return `${clean(rng.pick(MALE_FIRST_NAMES))}.${chars(rng, ALNUM, 5 + rng.int(5))}`;
}

function handle(rng: Rng): string {
  const sep = rng.pick(['', '_', '.']);
  return `${rng.pick(HANDLE_WORDS)}${sep}${rng.pick(HANDLE_WORDS)}${1 + rng.int(rng.next() < 0.5 ? 99 : 2025)}`;
}

function digitHeavy(rng: Rng): string {
  const initials = chars(rng, 'abcdefghijklmnoprstw', 1 + rng.int(3));
  return `${initials}${digits(rng, 5 + rng.int(4))}`;
}

function weighted<T>(rng: Rng, items: Weighted<T>): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let x = rng.next() * total;
  for (const [item, w] of items) {
    if ((x -= w) < 0) return item;
  }
  return items[items.length - 1][0];
}

function chars(rng: Rng, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[rng.int(alphabet.length)];
  return s;
}

function digits(rng: Rng, n: number): string {
  return chars(rng, '0123456789', n);
}

function reverse(s: string): string {
  return [...s].reverse().join('');
}

function clean(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}
