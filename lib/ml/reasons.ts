// Reason codes: the features that pushed a score up, in plain language for analysts.

import { describeAggregate } from './events/describe';
import { type EmailSpec, ngramsInBucket, parseEmail } from './features/email';
import type { FeatureSpec, Row } from './features/index';
import type { TabularColumn } from './features/tabular';
import { toStr } from './features/values';

export interface Reason {
  feature: string;
  contribution: number;
  text: string;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NGRAM_RE = /(^|\.)ngram_(\d+)$/;

const times = (x: number) => `${x >= 10 ? Math.round(x) : x.toFixed(1)}×`;
const money = (x: number) => `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const hhmm = (h: number) => `${String(h).padStart(2, '0')}:00`;
const pct = (x: number) => `${Math.round(x * 100)}%`;

function duration(s: number): string {
  if (s < 120) return `${Math.round(s)} seconds`;
  if (s < 7200) return `${Math.round(s / 60)} minutes`;
  if (s < 172800) return `${Math.round(s / 3600)} hours`;
  return `${Math.round(s / 86400)} days`;
}

function emailText(name: string, v: number, email: string): string {
  const { local, domain } = parseEmail(email);
  const tld = domain.split('.').pop() ?? '';
  const dom = domain ? ` (${domain})` : '';
  switch (name) {
    case 'local_length': return `local part is ${v} characters long`;
    case 'digit_ratio': return `${pct(v)} of the local part is digits`;
    case 'local_entropy': return v >= 2 ? 'random-looking local part' : 'repetitive local part';
    case 'longest_consonant_run': return `${v} consonant${v === 1 ? '' : 's'} in a row in the local part`;
    case 'longest_digit_run': return v ? `${v} digit${v === 1 ? '' : 's'} in a row in the local part` : 'no digits in the local part';
    case 'vowel_ratio': return v < 0.25 ? 'few vowels in the local part' : `vowel share ${pct(v)} in the local part`;
    case 'separator_count': return `${v} separator${v === 1 ? '' : 's'} (. _ - +) in the local part`;
    case 'name_like_local': return v ? `local part looks like a name${local ? ` (${local})` : ''}` : 'local part does not look like a name';
    case 'domain_length': return `domain is ${v} characters long${dom}`;
    case 'domain_label_count': return `domain has ${v} labels${dom}`;
    case 'domain_has_digit': return v ? `digits in the domain${dom}` : 'no digits in the domain';
    case 'tld_valid': return v ? `valid top-level domain (.${tld})` : `unknown top-level domain${tld ? ` (.${tld})` : ''}`;
    case 'domain_mirrored_brand': return v ? `domain looks like a mirrored brand${dom}` : 'domain is not a mirrored brand';
    case 'domain_typosquat_brand': return v ? `domain looks like a misspelt brand${dom}` : 'domain is not a misspelt brand';
    case 'domain_brand_fragment': return v ? `domain is a piece of a brand name${dom}` : 'domain is not a piece of a brand name';
    case 'domain_known_provider': return v ? `free webmail provider${dom}` : `not a known mail provider${dom}`;
    case 'domain_disposable': return v ? `disposable email domain${dom}` : 'not a disposable domain';
    case 'valid_syntax': return v ? 'well-formed address' : 'malformed address';
    case 'trailing_digits': return v ? `local part ends in ${v} digit${v === 1 ? '' : 's'}` : 'local part does not end in digits';
    case 'trailing_year': return v ? `local part ends in a year${local ? ` (${local})` : ''}` : 'local part does not end in a year';
    case 'digit_groups': return `${v} group${v === 1 ? '' : 's'} of digits in the local part`;
    default: return `${name.replace(/_/g, ' ')} = ${v}`;
  }
}

function txText(name: string, v: number, categories: string[]): string {
  switch (name) {
    case 'log_amount': return `amount ${money(Math.expm1(v))}`;
    case 'hour': return v >= 22 || v < 6 ? `night-time transaction (${hhmm(v)})` : `transaction at ${hhmm(v)}`;
    case 'weekday': return `transaction on a ${DAYS[v] ?? v}`;
    case 'category': return `category ${categories[v] ?? 'other'}`;
    case 'amount_to_category_median': return `amount ${times(v)} the category's median`;
    case 'age': return `cardholder aged ${Math.round(v)}`;
    case 'distance_km': return `merchant ${Math.round(v)} km from the cardholder`;
    case 'log_city_pop': return `cardholder's city has ${Math.round(Math.expm1(v)).toLocaleString('en-US')} people`;
    case 'gender': return 'cardholder gender';
    case 'card_tx_count_1h': return `${v} transaction${v === 1 ? '' : 's'} on this card in the last hour`;
    case 'card_amount_sum_1h': return `${money(v)} spent on this card in the last hour`;
    case 'card_tx_count_24h': return `${v} transaction${v === 1 ? '' : 's'} on this card in the last 24 hours`;
    case 'card_amount_sum_24h': return `${money(v)} spent on this card in the last 24 hours`;
    case 'seconds_since_prev': return `${duration(v)} since this card's previous transaction`;
    case 'amount_to_card_mean': return `amount ${times(v)} this card's mean`;
    default: return `${name.replace(/_/g, ' ')} = ${v}`;
  }
}

function missingText(name: string): string {
  if (name === 'seconds_since_prev' || name === 'amount_to_card_mean') return 'first transaction seen on this card';
  return `${name} is missing`;
}

const HISTORY_RE = /^(ip|ip24|ip16|ip8|address|domain)_(seen|fraud_rate)$/;
const HISTORY_KEY: Record<string, string> = { ip: 'this IP', ip24: "this IP's /24", ip16: "this IP's /16", ip8: "this IP's /8", address: 'this address', domain: 'this domain' };

/** History features (features/history.ts): earlier occurrences of a key and its earlier fraud rate. */
function historyText(sub: string, v: number, column: string, raw?: Row): string {
  const [, kind, what] = HISTORY_RE.exec(sub)!;
  const quoted = raw ? ` (${toStr(raw[column])})` : '';
  if (what === 'seen') return v ? `${HISTORY_KEY[kind]} seen ${v} time${v === 1 ? '' : 's'} before${quoted}` : `${HISTORY_KEY[kind]} never seen before${quoted}`;
  return `${pct(v)} fraud so far from ${HISTORY_KEY[kind]}${quoted}`;
}

function tabularText(col: TabularColumn | undefined, name: string, v: number, raw?: Row): string {
  if (!col) return `${name} = ${v}`;
  const sub = name.slice(col.name.length + 1);
  switch (col.type) {
    case 'categorical': return `${col.name} = ${col.vocab[v] ?? v}`;
    case 'datetime': return sub === 'hour' ? `${col.name} at ${hhmm(v)}` : `${col.name} on a ${DAYS[v] ?? v}`;
    case 'ip':
      if (sub === 'octet1_share') return `IP range ${pct(v)} of training traffic (${col.name})`;
      if (HISTORY_RE.test(sub)) return historyText(sub, v, col.name, raw);
      return `${col.name} ${sub === 'prefix16' ? 'network' : sub} ${raw ? `(${toStr(raw[col.name])})` : `= ${v}`}`;
    case 'email': return HISTORY_RE.test(sub) ? historyText(sub, v, col.name, raw) : emailText(sub, v, raw ? toStr(raw[col.name]) : '');
    default: return `${col.name} = ${Number.isInteger(v) ? v : v.toPrecision(4)}`;
  }
}

/**
 * Top reasons for a score: features whose contribution raised it, largest first. All n-gram
 * features fold into one "unusual character patterns" reason. Contributions below minContribution
 * (log-odds for gbdt, probability for forests) are noise and left out. `values` are the row's feature
 * values (featureNames order); `raw` is the input row, used to quote the address or IP.
 */
export function reasonCodes(
  spec: FeatureSpec, featureNames: string[], contributions: ArrayLike<number>, values: ArrayLike<number>, top = 5, raw?: Row,
  minContribution = 0.01,
): Reason[] {
  const out: Reason[] = [];
  let ngram = 0, bestNgram = -1, bestNgramC = 0, ngramPrefix = '';
  for (let j = 0; j < featureNames.length; j++) {
    const c = contributions[j];
    const name = featureNames[j];
    const m = NGRAM_RE.exec(name);
    if (m) {
      ngram += c;
      if (c > bestNgramC) { bestNgramC = c; bestNgram = +m[2]; ngramPrefix = name.slice(0, m.index); }
      continue;
    }
    if (!(c >= minContribution)) continue;
    out.push({ feature: name, contribution: c, text: describe(spec, name, values[j], raw) });
  }
  if (ngram >= minContribution) {
    const tab = spec.kind === 'tabular' ? spec.tabular : spec.kind === 'event' ? spec.event.tabular : undefined;
    const emailCol = spec.kind === 'email' ? { email: spec.email, column: spec.column }
      : tab ? tab.columns.flatMap((c) => (c.type === 'email' && c.name === ngramPrefix ? [{ email: c.email, column: c.name }] : []))[0]
        : undefined;
    out.push({ feature: 'ngrams', contribution: ngram, text: `unusual character patterns${ngramExample(emailCol, bestNgram, raw)}` });
  }
  return out.sort((a, b) => b.contribution - a.contribution).slice(0, top);
}

/** Quote the address's own n-gram from the strongest bucket, e.g. ' (e.g. "q8z")'. */
function ngramExample(col: { email: EmailSpec; column: string } | undefined, bucket: number, raw?: Row): string {
  if (!col || bucket < 0 || !raw) return '';
  const g = ngramsInBucket(col.email, toStr(raw[col.column]), bucket).map((x) => x.replace(/[\^$]/g, '')).find((x) => x.length >= 2);
  return g ? ` (e.g. "${g}")` : '';
}

function describe(spec: FeatureSpec, name: string, v: number, raw?: Row): string {
  if (spec.kind === 'event') {
    // Aggregates say in words what their value (NaN included: "first event seen for this card") means.
    const k = spec.event.aggregates.indexOf(name);
    if (k >= 0) return describeAggregate(spec.event.definition, spec.event.definition.aggregates[k], v);
  }
  if (Number.isNaN(v)) return missingText(name);
  if (spec.kind === 'email') return emailText(name, v, raw ? toStr(raw[spec.column]) : '');
  if (spec.kind === 'transaction') return txText(name, v, spec.transaction.categories);
  const tab = spec.kind === 'event' ? spec.event.tabular : spec.tabular;
  const col = tab.columns.find((c) => name === c.name || name.startsWith(`${c.name}.`));
  return tabularText(col, name, v, raw);
}
