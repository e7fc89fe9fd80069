import { describe, expect, it } from 'vitest';
import { aggregateEvents, countColumn } from './aggregate';

const events = [
  { UserId: 'u1', Event: 'click_ad', Category: 'Phone', Fake: '0' },
  { UserId: 'u1', Event: 'click_ad', Category: 'Motor', Fake: '0' },
  { UserId: 'u2', Event: 'send_sms', Category: 'Phone', Fake: '1' },
  { UserId: 'u2', Event: 'click_ad', Category: 'Phone', Fake: '0' },
  { UserId: 'u3', Event: 'phone_call', Category: 'Leisure', Fake: '0' },
  { UserId: '', Event: 'click_ad', Category: 'Phone', Fake: '1' },
];

describe('aggregateEvents', () => {
  it('turns event rows into one row per user with counts, distincts and label = max', () => {
    const out = aggregateEvents(events, { by: 'UserId', label: 'Fake' });
    expect(out.rows).toHaveLength(3);
    const u1 = out.rows.find((r) => r.UserId === 'u1')!;
    const u2 = out.rows.find((r) => r.UserId === 'u2')!;
    expect(u1).toMatchObject({ event_count: 2, distinct_Event: 1, distinct_Category: 2, Fake: 0, [countColumn('Event', 'click_ad')]: 2, [countColumn('Category', 'Motor')]: 1 });
    expect(u2).toMatchObject({ event_count: 2, distinct_Event: 2, Fake: 1, [countColumn('Event', 'send_sms')]: 1 });
    expect(out.columns.slice(0, 4)).toEqual(['UserId', 'event_count', 'distinct_Event', 'distinct_Category']);
    expect(out.columns.at(-1)).toBe('Fake');
    for (const r of out.rows) expect(Object.keys(r).sort()).toEqual([...out.columns].sort());
  });

  it('keeps the top-k values per column, most frequent first, and reuses a given vocabulary', () => {
    const out = aggregateEvents(events, { by: 'UserId', label: 'Fake', topK: 1 });
    expect(out.vocab).toEqual({ Event: ['click_ad'], Category: ['Phone'] });
    const again = aggregateEvents([{ UserId: 'x', Event: 'new_event', Category: 'Phone' }], { by: 'UserId', vocab: out.vocab });
    expect(again.columns).toEqual(['UserId', 'event_count', 'distinct_Event', 'distinct_Category', 'Event=click_ad', 'Category=Phone']);
    expect(again.rows[0]).toMatchObject({ 'Event=click_ad': 0, 'Category=Phone': 1, distinct_Event: 1 });
  });

  it('summarises numeric event columns with mean and sum, and leaves unknown labels blank', () => {
    const out = aggregateEvents([{ u: 'a', amt: '10', y: '' }, { u: 'a', amt: '20', y: 'maybe' }], { by: 'u', label: 'y' });
    expect(out.rows[0]).toEqual({ u: 'a', event_count: 2, amt_mean: 15, amt_sum: 30, y: '' });
  });
});
