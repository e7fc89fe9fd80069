import { describe, expect, it } from 'vitest';
import disposableList from 'disposable-email-domains/index.json';
import { DISPOSABLE_DOMAINS, generateEmails, type LabelledEmail } from './emails';

const disposable = new Set<string>(disposableList);
const domainOf = (e: string) => e.slice(e.indexOf('@') + 1);
const localOf = (e: string) => e.slice(0, e.indexOf('@'));
const VALID = /^[a-z0-9](?:[a-z0-9._+-]*[a-z0-9])?@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
const KNOWN_PROVIDERS = new Set(['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com']);

/** Rank-based ROC-AUC (ties count half). */
function auc(scores: number[], labels: (0 | 1)[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  let nPos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && scores[idx[j]] === scores[idx[i]]) j++;
    const avgRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (labels[idx[k]]) {
      rankSum += avgRank;
      nPos++;
    }
    i = j;
  }
  const nNeg = labels.length - nPos;
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

// A deliberately crude scorer: digits in the local part and an unusual domain.
function crudeScore({ email }: LabelledEmail): number {
  const local = localOf(email);
  const digitRatio = (local.match(/\d/g)?.length ?? 0) / local.length;
  const domain = domainOf(email);
  const odd = disposable.has(domain) || !/\.(com|net|org|edu|de|fr|co\.uk)$/.test(domain) ? 1 : 0;
  return digitRatio + odd + (/[bcdfghjklmnpqrstvwxz]{4}/.test(local) ? 0.5 : 0);
}

describe('generateEmails', () => {
  const data = generateEmails({ count: 4000 });

  it('is deterministic per seed', () => {
    expect(generateEmails({ count: 500, seed: 7 })).toEqual(generateEmails({ count: 500, seed: 7 }));
    expect(generateEmails({ count: 500, seed: 8 })).not.toEqual(generateEmails({ count: 500, seed: 7 }));
  });

  it('returns exactly count rows with the requested fraud share', () => {
    expect(data).toHaveLength(4000);
    expect(data.filter((r) => r.label === 1)).toHaveLength(2000);
    const skewed = generateEmails({ count: 1000, fraudRate: 0.1, seed: 3 });
    expect(skewed.filter((r) => r.label === 1)).toHaveLength(100);
    expect(generateEmails({ count: 0 })).toEqual([]);
  });

  it('produces unique, valid-looking addresses', () => {
    const big = generateEmails({ count: 20_000, seed: 1 });
    expect(new Set(big.map((r) => r.email)).size).toBe(big.length);
    // One assertion over all rows: per-row expect() calls are slow at 20k rows.
    const bad = big
      .map((r) => r.email)
      .filter((e) => e.split('@').length !== 2 || e.includes('..') || !VALID.test(e));
    expect(bad).toEqual([]);
  });

  it('uses only disposable domains that the npm list knows', () => {
    for (const d of DISPOSABLE_DOMAINS) expect(disposable.has(d), d).toBe(true);
  });

  it('puts legit users on real providers and fraud on suspicious domains', () => {
    const legit = data.filter((r) => r.label === 0);
    const fraud = data.filter((r) => r.label === 1);
    expect(legit.some((r) => disposable.has(domainOf(r.email)))).toBe(false);
    const mirrored = fraud.filter((r) => /(liamg|oohay|elppa|kooltuo|liamtoh|duolci)\.|\.(moc|ten|gro)$/.test(r.email));
    expect(mirrored.length).toBeGreaterThan(fraud.length * 0.15);
    expect(fraud.filter((r) => disposable.has(domainOf(r.email))).length).toBeGreaterThan(fraud.length * 0.1);
    const nameStyle = (r: LabelledEmail) => /^[a-z]+[._-][a-z]+$/.test(localOf(r.email));
    expect(legit.filter(nameStyle).length).toBeGreaterThan(legit.length * 0.4);
    expect(fraud.filter(nameStyle).length).toBeLessThan(fraud.length * 0.1);
  });

  it('is learnable but not trivially separable', () => {
    const legit = data.filter((r) => r.label === 0);
    const fraud = data.filter((r) => r.label === 1);
    // Noise on both sides: digit-heavy legit users, name-style fraud on known providers.
    expect(legit.some((r) => (localOf(r.email).match(/\d/g)?.length ?? 0) >= 5)).toBe(true);
    expect(fraud.some((r) => /^[a-z]+\.[a-z]+$/.test(localOf(r.email)) && KNOWN_PROVIDERS.has(domainOf(r.email)))).toBe(true);
    const a = auc(data.map(crudeScore), data.map((r) => r.label));
    expect(a).toBeGreaterThan(0.85);
    expect(a).toBeLessThan(0.995);
  });

  it('rejects bad options', () => {
    expect(() => generateEmails({ count: -1 })).toThrow(RangeError);
    expect(() => generateEmails({ count: 10, fraudRate: 1.5 })).toThrow(RangeError);
  });
});
