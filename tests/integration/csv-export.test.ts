// The transactions CSV export neutralises formula-like text (=HYPERLINK, @SUM, +, -, tab) and keeps numbers numeric.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import * as txExport from '@/app/api/transactions/export/route';
import { db } from '@/lib/server/platform/db';
import { params, request, tokenFor, unique } from './helpers';

describe('transactions CSV export', () => {
  it('prefixes formula-like cells with a quote and leaves -12.5 a number', async () => {
    const tag = unique('csvsafe');
    const merchant = `${tag} =HYPERLINK("http://x")`;
    const occurredAt = new Date('2026-01-02T03:04:05Z');
    // A card transaction is an event of the built-in type: the former columns live in the payload, the card
    // and merchant in the entity links (the search's q matches the links).
    await db().event.create({
      data: {
        eventType: 'card_transaction', typeVersion: 1, externalId: `${tag}-1`, occurredAt, amount: -12.5,
        payload: { cc_num: '\t=1+1', email: '@SUM(A1)', merchant, category: '=HYPERLINK("http://x")' }, decision: 'block', score: 0.9,
        entities: { create: [{ eventType: 'card_transaction', entity: 'card', key: '=1+1', occurredAt }, { eventType: 'card_transaction', entity: 'merchant', key: merchant, occurredAt }] },
      },
    });
    const res = await txExport.GET(request('GET', `/api/transactions/export?q=${tag}`, { token: await tokenFor('viewer') }), params({}));
    expect(res.status).toBe(200);
    const text = await res.text();
    const [header, row, ...rest] = parse(text) as string[][];
    expect(rest).toEqual([]);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('category')).toBe(`'=HYPERLINK("http://x")`);
    expect(cell('email')).toBe(`'@SUM(A1)`);
    expect(cell('cardId')).toBe(`'\t=1+1`);
    expect(cell('merchant')).toBe(`${tag} =HYPERLINK("http://x")`); // not at the start: harmless
    expect(cell('amount')).toBe('-12.5');
    expect(text).toContain(',-12.5,');
  });
});
