// Email featuriser: hashed character n-grams with IDF weights, plus structural and domain features.

import type { FeatureMatrix } from '../types';
import { BRANDS, isDisposableDomain, PROVIDERS, SECOND_LEVEL, VALID_TLDS } from './email-lists';

export interface EmailOptions {
  /** Hash buckets for n-grams; 0 disables them. */
  buckets?: number;
  ngramMin?: number;
  ngramMax?: number;
}

export interface EmailSpec {
  /** 2 adds SHAPE_FEATURES after the structural ones; version 1 specs (saved models) keep their features. */
  version: 1 | 2;
  buckets: number;
  ngramMin: number;
  ngramMax: number;
  /** IDF weight per bucket, learnt at fit time. */
  idf: number[];
  /** Most frequent n-gram seen in each bucket, so reasons can show an example. */
  examples: string[];
}

export const STRUCTURAL_FEATURES = [
  'local_length', 'digit_ratio', 'local_entropy', 'longest_consonant_run', 'longest_digit_run', 'vowel_ratio',
  'separator_count', 'name_like_local', 'domain_length', 'domain_label_count', 'domain_has_digit', 'tld_valid',
  'domain_mirrored_brand', 'domain_typosquat_brand', 'domain_brand_fragment', 'domain_known_provider',
  'domain_disposable', 'valid_syntax',
] as const;
export type StructuralFeature = (typeof STRUCTURAL_FEATURES)[number];

/** Shape of the local part's digits (version 2 specs): how long the trailing run is, whether it reads as a year, how many runs. */
export const SHAPE_FEATURES = ['trailing_digits', 'trailing_year', 'digit_groups'] as const;
export type ShapeFeature = (typeof SHAPE_FEATURES)[number];

export interface ParsedEmail { local: string; domain: string; valid: boolean }

export function parseEmail(raw: string): ParsedEmail {
  const s = String(raw ?? '').trim().toLowerCase();
  const at = s.lastIndexOf('@');
  if (at < 0) return { local: s, domain: '', valid: false };
  const local = s.slice(0, at), domain = s.slice(at + 1);
  const valid = local.length > 0 && /^[^\s@]+$/.test(local) && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain);
  return { local, domain, valid };
}

// ---- string helpers ----

const VOWELS = new Set('aeiouy');
const isLetter = (c: string) => c >= 'a' && c <= 'z';
const isDigit = (c: string) => c >= '0' && c <= '9';

export function shannonEntropy(s: string): number {
  if (!s) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) { const q = n / s.length; h -= q * Math.log2(q); }
  return h;
}

function longestRun(s: string, pred: (c: string) => boolean): number {
  let best = 0, cur = 0;
  for (const c of s) { cur = pred(c) ? cur + 1 : 0; if (cur > best) best = cur; }
  return best;
}

/** Levenshtein distance, stopping early once it exceeds max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

const reverse = (s: string) => [...s].reverse().join('');
const BRAND_SET = new Set(BRANDS);
const COMMON_TLDS_REVERSED = new Set(['moc', 'ten', 'gro', 'ude', 'vog']);

/** The label that names the organisation: 'mail.google.co.uk' → 'google'. */
export function brandLabel(domain: string): string {
  const labels = domain.split('.').filter(Boolean);
  if (labels.length <= 1) return labels[0] ?? '';
  let i = labels.length - 2;
  if (i > 0 && SECOND_LEVEL.has(labels[i]) && labels[labels.length - 1].length === 2) i--;
  return labels[i];
}

export interface DomainFlags {
  tldValid: boolean; mirrored: boolean; typosquat: string | null; fragment: string | null;
  provider: boolean; disposable: boolean;
}

export function domainFlags(domain: string): DomainFlags {
  const labels = domain.split('.').filter(Boolean);
  const tld = labels.length > 1 ? labels[labels.length - 1] : '';
  const sld = brandLabel(domain);
  // Mirrored: a label spelled backwards is a brand (elppa → apple) or the TLD is a reversed gTLD (moc).
  const mirrored = labels.some((l) => l.length >= 4 && !BRAND_SET.has(l) && BRAND_SET.has(reverse(l)))
    || (COMMON_TLDS_REVERSED.has(tld) && !VALID_TLDS.has(tld));
  let typosquat: string | null = null, fragment: string | null = null;
  if (sld && !BRAND_SET.has(sld) && !PROVIDERS.has(sld)) {
    for (const b of BRANDS) {
      const max = b.length >= 7 ? 2 : b.length >= 5 ? 1 : 0;
      if (max && editDistance(sld, b, max) <= max) { typosquat = b; break; }
    }
    // A proper piece of a brand name ('book' of facebook, 'look' of outlook).
    if (sld.length >= 4) fragment = BRANDS.find((b) => b.length > sld.length && (b.startsWith(sld) || b.endsWith(sld))) ?? null;
  }
  return { tldValid: VALID_TLDS.has(tld), mirrored, typosquat, fragment, provider: PROVIDERS.has(sld),
    disposable: isDisposableDomain(domain) };
}

export function structuralFeatures(raw: string): Record<StructuralFeature, number> {
  const { local, domain, valid } = parseEmail(raw);
  let digits = 0, letters = 0, vowels = 0, seps = 0;
  for (const c of local) {
    if (isDigit(c)) digits++;
    else if (isLetter(c)) { letters++; if (VOWELS.has(c)) vowels++; }
    else if (c === '.' || c === '_' || c === '-' || c === '+') seps++;
  }
  const parts = local.split(/[._\-+]/).filter(Boolean);
  const d = domainFlags(domain);
  return {
    local_length: local.length,
    digit_ratio: local.length ? digits / local.length : 0,
    local_entropy: shannonEntropy(local),
    longest_consonant_run: longestRun(local, (c) => isLetter(c) && !VOWELS.has(c)),
    longest_digit_run: longestRun(local, isDigit),
    vowel_ratio: letters ? vowels / letters : 0,
    separator_count: seps,
    name_like_local: parts.length >= 1 && parts.length <= 3 && parts.every((p) => /^[a-z]{2,}$/.test(p) && /[aeiouy]/.test(p)) ? 1 : 0,
    domain_length: domain.length,
    domain_label_count: domain ? domain.split('.').length : 0,
    domain_has_digit: /\d/.test(domain) ? 1 : 0,
    tld_valid: d.tldValid ? 1 : 0,
    domain_mirrored_brand: d.mirrored ? 1 : 0,
    domain_typosquat_brand: d.typosquat ? 1 : 0,
    domain_brand_fragment: d.fragment ? 1 : 0,
    domain_known_provider: d.provider ? 1 : 0,
    domain_disposable: d.disposable ? 1 : 0,
    valid_syntax: valid ? 1 : 0,
  };
}

/** trailing_year: the local part ends in four digits from 1930 to 2029 (a birth or sign-up year), after a non-digit. */
export function shapeFeatures(raw: string): Record<ShapeFeature, number> {
  const { local } = parseEmail(raw);
  const trailing = /\d*$/.exec(local)![0];
  const year = trailing.length === 4 && trailing.length < local.length && +trailing >= 1930 && +trailing <= 2029;
  return { trailing_digits: trailing.length, trailing_year: year ? 1 : 0, digit_groups: (local.match(/\d+/g) ?? []).length };
}

// ---- hashed n-grams ----

/** FNV-1a, 32-bit. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

/** n-grams of '^local$' and '^domain$', each side salted so 'ab' in the local part ≠ 'ab' in the domain. */
function forEachNgram(raw: string, min: number, max: number, fn: (gram: string, bucketKey: string) => void): void {
  const { local, domain } = parseEmail(raw);
  for (const [side, text] of [['l', `^${local}$`], ['d', `^${domain}$`]] as const) {
    for (let n = min; n <= max; n++) {
      for (let i = 0; i + n <= text.length; i++) { const g = text.slice(i, i + n); fn(g, side + g); }
    }
  }
}

function bucketCounts(spec: Pick<EmailSpec, 'buckets' | 'ngramMin' | 'ngramMax'>, email: string): Map<number, number> {
  const m = new Map<number, number>();
  forEachNgram(email, spec.ngramMin, spec.ngramMax, (_g, key) => {
    const b = hash(key) % spec.buckets;
    m.set(b, (m.get(b) ?? 0) + 1);
  });
  return m;
}

/** This address's n-grams that hash into bucket, longest first (to quote in reason codes). */
export function ngramsInBucket(spec: Pick<EmailSpec, 'buckets' | 'ngramMin' | 'ngramMax'>, email: string, bucket: number): string[] {
  const out = new Set<string>();
  forEachNgram(email, spec.ngramMin, spec.ngramMax, (g, key) => { if (hash(key) % spec.buckets === bucket) out.add(g); });
  return [...out].sort((a, b) => b.length - a.length);
}

export function fitEmailFeaturizer(emails: string[], opts: EmailOptions = {}): EmailSpec {
  const buckets = opts.buckets ?? 256, ngramMin = opts.ngramMin ?? 1, ngramMax = opts.ngramMax ?? 5;
  const df = new Float64Array(buckets);
  const gramCounts: Map<string, number>[] = Array.from({ length: buckets }, () => new Map());
  if (buckets > 0) {
    for (const e of emails) {
      const seen = new Set<number>();
      forEachNgram(e, ngramMin, ngramMax, (g, key) => {
        const b = hash(key) % buckets;
        seen.add(b);
        if (g.length >= 2) gramCounts[b].set(g, (gramCounts[b].get(g) ?? 0) + 1);
      });
      for (const b of seen) df[b]++;
    }
  }
  const n = emails.length;
  const idf = Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1); // smooth IDF, as sklearn
  const examples = gramCounts.map((m) => {
    let best = '', bestN = 0;
    for (const [g, c] of m) if (c > bestN) { best = g; bestN = c; }
    return best;
  });
  return { version: 2, buckets, ngramMin, ngramMax, idf, examples };
}

export function emailFeatureNames(spec: EmailSpec): string[] {
  const shape = spec.version >= 2 ? SHAPE_FEATURES : [];
  return [...STRUCTURAL_FEATURES, ...shape, ...Array.from({ length: spec.buckets }, (_, b) => `ngram_${b}`)];
}

export function emailFeatures(spec: EmailSpec, emails: string[]): FeatureMatrix {
  const nRows = emails.length, nS = STRUCTURAL_FEATURES.length;
  const nShape = spec.version >= 2 ? SHAPE_FEATURES.length : 0, nFixed = nS + nShape;
  const names = emailFeatureNames(spec);
  const columns = names.map(() => new Float64Array(nRows));
  for (let r = 0; r < nRows; r++) {
    const email = emails[r] ?? '';
    const s = structuralFeatures(email);
    for (let j = 0; j < nS; j++) columns[j][r] = s[STRUCTURAL_FEATURES[j]];
    if (nShape) { const h = shapeFeatures(email); for (let j = 0; j < nShape; j++) columns[nS + j][r] = h[SHAPE_FEATURES[j]]; }
    if (!spec.buckets) continue;
    // Sublinear TF × IDF, L2-normalised per address (as TfidfVectorizer with sublinear_tf).
    const counts = bucketCounts(spec, email);
    let norm = 0;
    const w = new Map<number, number>();
    for (const [b, c] of counts) { const v = (1 + Math.log(c)) * spec.idf[b]; w.set(b, v); norm += v * v; }
    norm = Math.sqrt(norm) || 1;
    for (const [b, v] of w) columns[nFixed + b][r] = v / norm;
  }
  return { nRows, columns, names, categorical: names.map(() => false) };
}
