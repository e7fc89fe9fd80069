import { describe, expect, it } from 'vitest';
import { duplicateColumns, inferColumnTypes, LabelTally, normalizeHeader, suggestMapping } from './csv-schema';

describe('csv schema helpers', () => {
  it('names blank header cells like pandas index columns and finds duplicates', () => {
    expect(normalizeHeader(['', ' Time ', 'Class'])).toEqual(['unnamed_0', 'Time', 'Class']);
    expect(duplicateColumns(['a', 'b', 'a'])).toEqual(['a']);
  });

  it('tallies labels and explains single-class and unreadable columns', () => {
    const t = new LabelTally();
    for (const v of ['1', '0', 'fraud', '', 'BLOCKED']) t.add(v);
    expect(t.summary()).toEqual({ positives: 2, negatives: 1, unlabelled: 2, unreadable: { BLOCKED: 1 } });
    expect(t.problem('y')).toBeNull();
    const one = new LabelTally();
    for (const v of ['legit', 'LEGIT']) one.add(v);
    expect(one.problem('y')).toMatch(/single class/);
    const none = new LabelTally();
    none.add('maybe');
    expect(none.problem('y')).toMatch(/no readable labels.*"maybe"/);
  });

  it('suggests kind, label, timestamp, id and aggregation from a sample', () => {
    const tx = suggestMapping(['trans_date_trans_time', 'cc_num', 'category', 'amt', 'trans_num', 'unix_time', 'is_fraud'], [['2020-06-21 12:14:25', '1', 'misc', '3', 'a', '1', '0']]);
    expect(tx).toMatchObject({ kind: 'transaction', labelCandidates: ['is_fraud'], idCandidates: ['trans_num'] });
    expect(tx.timestampCandidates[0]).toBe('unix_time');
    const email = suggestMapping(['email', 'label'], [['a@b.co', '1'], ['c@d.co', '0']]);
    expect(email).toMatchObject({ kind: 'email', emailColumn: 'email', labelCandidates: ['label'] });
    const users = suggestMapping(['UserId', 'Event', 'Category', 'Fake'], [['u1', 'e', 'c', '0'], ['u1', 'f', 'c', '0']]);
    expect(users).toMatchObject({ kind: 'tabular', labelCandidates: ['Fake'], aggregateBy: 'UserId' });
    expect(suggestMapping(['EVENT_LABEL', 'x'], [['legit', '1']]).labelCandidates[0]).toBe('EVENT_LABEL');
  });

  it('infers number and string columns from a sample', () => {
    expect(inferColumnTypes(['a', 'b', 'c'], [['1', 'x', ''], ['2.5', '3', '']])).toEqual(['number', 'string', 'string']);
  });
});
