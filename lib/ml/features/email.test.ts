import { describe, expect, it } from 'vitest';
import { domainFlags, editDistance, emailFeatures, fitEmailFeaturizer, parseEmail, shannonEntropy, shapeFeatures, structuralFeatures } from './email';

describe('email structure', () => {
  it('parses local part and domain', () => {
    expect(parseEmail(' John.Doe@Gmail.com ')).toEqual({ local: 'john.doe', domain: 'gmail.com', valid: true });
    expect(parseEmail('nope').valid).toBe(false);
  });
  it('computes entropy, runs and ratios', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBeCloseTo(2);
    const s = structuralFeatures('x7k9q2zp@gmail.com');
    expect(s.local_length).toBe(8);
    expect(s.digit_ratio).toBeCloseTo(3 / 8);
    expect(s.longest_consonant_run).toBe(2);
    expect(s.vowel_ratio).toBe(0);
    expect(s.name_like_local).toBe(0);
    const n = structuralFeatures('jane.o_brien+news@outlook.fr');
    expect(n.separator_count).toBe(3);
    expect(n.name_like_local).toBe(0); // four parts
    expect(structuralFeatures('jane.smith@outlook.fr').name_like_local).toBe(1);
  });
  it('edit distance', () => {
    expect(editDistance('gmial', 'gmail')).toBe(2);
    expect(editDistance('paypa1', 'paypal')).toBe(1);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
  });
});

describe('domain flags', () => {
  it('spots mirrored brands and reversed TLDs', () => {
    expect(domainFlags('elppa.zz').mirrored).toBe(true);
    expect(domainFlags('gmail.moc').mirrored).toBe(true);
    expect(domainFlags('oohay.uk').mirrored).toBe(true);
    expect(domainFlags('gmail.com').mirrored).toBe(false);
  });
  it('spots typo-squats and brand fragments but not the brands themselves', () => {
    expect(domainFlags('paypa1.com').typosquat).toBe('paypal');
    expect(domainFlags('gmial.com').typosquat).toBe(null); // gmail is 5 letters: distance 1 only
    expect(domainFlags('gmaill.com').typosquat).toBe('gmail');
    expect(domainFlags('hotmial.co.uk').typosquat).toBe('hotmail');
    expect(domainFlags('gmail.com').typosquat).toBe(null);
    expect(domainFlags('look.us').fragment).toBe('outlook');
    expect(domainFlags('book.fr').fragment).toBe('facebook');
  });
  it('checks TLDs and the disposable list', () => {
    expect(domainFlags('x.ai').tldValid).toBe(true);
    expect(domainFlags('x.wow').tldValid).toBe(false);
    expect(domainFlags('mailinator.com').disposable).toBe(true);
    expect(domainFlags('gmail.com').disposable).toBe(false);
    expect(domainFlags('gmail.com').provider).toBe(true);
  });
});

describe('fit / transform', () => {
  const emails = ['anna.lee@gmail.com', 'bob.stone@yahoo.fr', 'q8z1x@elppa.zz', 'k3j9w@gmail.moc', 'carl.jung@outlook.uk'];
  it('learns IDF per bucket and produces readable names', () => {
    const spec = fitEmailFeaturizer(emails, { buckets: 64 });
    expect(spec.idf).toHaveLength(64);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    const X = emailFeatures(spec, emails);
    expect(X.nRows).toBe(5);
    expect(X.names).toContain('domain_mirrored_brand');
    expect(X.names).toContain('ngram_0');
    const mir = X.columns[X.names.indexOf('domain_mirrored_brand')];
    expect(Array.from(mir)).toEqual([0, 0, 1, 1, 0]);
    // n-gram block is L2-normalised per row
    const start = X.names.indexOf('ngram_0');
    let sq = 0;
    for (let j = start; j < X.names.length; j++) sq += X.columns[j][0] ** 2;
    expect(sq).toBeCloseTo(1);
  });
  it('can turn n-grams off', () => {
    const X = emailFeatures(fitEmailFeaturizer(emails, { buckets: 0 }), emails);
    expect(X.names.some((n) => n.startsWith('ngram_'))).toBe(false);
  });
});

describe('local-part digit shape (version 2 specs)', () => {
  it('measures the trailing digits and reads a year', () => {
    expect(shapeFeatures('john.smith1987@yahoo.com')).toEqual({ trailing_digits: 4, trailing_year: 1, digit_groups: 1 });
    expect(shapeFeatures('ab12cd3456@x.com')).toEqual({ trailing_digits: 4, trailing_year: 0, digit_groups: 2 });
    expect(shapeFeatures('2001@x.com')).toEqual({ trailing_digits: 4, trailing_year: 0, digit_groups: 1 });
    expect(shapeFeatures('jane@x.com')).toEqual({ trailing_digits: 0, trailing_year: 0, digit_groups: 0 });
  });
  it('adds the shape after the structural features in new specs only', () => {
    const spec = fitEmailFeaturizer(['a1@x.com', 'bob1999@y.org'], { buckets: 8 });
    const X = emailFeatures(spec, ['bob1999@y.org']);
    expect(X.names.slice(18, 22)).toEqual(['trailing_digits', 'trailing_year', 'digit_groups', 'ngram_0']);
    expect(X.columns[19][0]).toBe(1);
    const v1 = emailFeatures({ ...spec, version: 1 }, ['bob1999@y.org']);
    expect(v1.names).toHaveLength(18 + 8);
    expect(v1.names[18]).toBe('ngram_0');
    // The n-gram weights are the same in both layouts.
    expect(Array.from({ length: 8 }, (_, b) => v1.columns[18 + b][0])).toEqual(Array.from({ length: 8 }, (_, b) => X.columns[21 + b][0]));
  });
});

