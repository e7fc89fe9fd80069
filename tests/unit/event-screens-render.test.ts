// The event screens' components rendered to HTML with real data shapes: each renders, shows the type's own
// fields, never a sensitive value whole, and the version history states what changed.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AppRouterContext, type AppRouterInstance } from 'next/dist/shared/lib/app-router-context.shared-runtime';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AggregatePreview } from '@/components/event-types/aggregate-preview';
import { CsvStart } from '@/components/event-types/csv-start';
import { DefinitionEditor } from '@/components/event-types/definition-editor';
import { VersionHistory } from '@/components/event-types/version-history';
import { EntityPanel } from '@/components/events/entity-panel';
import { EventsTable } from '@/components/events/events-table';
import { EventTester } from '@/components/scoring/event-tester';
import { draftOf } from '@/lib/client/definition-draft';
import type { EventRow } from '@/lib/client/events';
import { aggregateName } from '@/lib/ml/events/aggregates';
import { CARD_TRANSACTION } from '@/lib/ml/events/presets';

const router = { push() {}, replace() {}, refresh() {}, back() {}, forward() {}, prefetch() {} } as unknown as AppRouterInstance;
const html = (el: ReactElement) =>
  renderToString(createElement(QueryClientProvider, { client: new QueryClient() }, createElement(AppRouterContext.Provider, { value: router }, el)));

const CARD = '4539146283901245';
const MASKED = '************1245';
const row = (i: number): EventRow => ({
  id: `ev${i}`, eventType: 'card_transaction', typeVersion: 1, externalId: `t-${i}`, occurredAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), amount: 10 + i,
  payload: { trans_num: `t-${i}`, cc_num: MASKED, merchant: `shop ${i}`, amt: 10 + i, category: 'grocery_pos' },
  features: Object.fromEntries(CARD_TRANSACTION.aggregates.map((a, k) => [aggregateName(a), k + i])),
  score: 0.42, modelVersionId: null, decision: i % 2 ? 'review' : null, reasons: [], shadowScore: null, shadowModelVersionId: null,
  label: null, labelledById: null, labelledAt: null, version: 0, createdAt: '2026-01-02T00:00:00.000Z',
});

describe('event screens render', () => {
  it('lists events with the type\'s own columns, 500 rows, masked values and the export link', () => {
    const items = Array.from({ length: 500 }, (_, i) => row(i));
    const out = html(createElement(EventsTable, {
      type: 'card_transaction', filters: 'type=card_transaction&decision=review', initial: { items, nextCursor: 'ev499' },
      columns: CARD_TRANSACTION.fields.filter((f) => f.name !== 'trans_num').map((f) => ({ name: f.name, sensitive: Boolean(f.sensitive) })),
    }));
    expect(out.match(/data-testid="event-row"/g)).toHaveLength(500);
    expect(out).toContain('shop 499');
    expect(out).toContain(MASKED);
    expect(out).not.toContain(CARD);
    expect(out).toContain('href="/api/events/export?type=card_transaction&amp;decision=review"');
    expect(out).toContain('data-testid="events-load-more"');
    for (const f of ['merchant', 'amt', 'city_pop', 'merch_long']) expect(out).toContain(`<th>${f}</th>`);
  });

  it('shows an entity panel, and the aggregates preview with stored values', () => {
    const panel = html(createElement(EntityPanel, { panel: { entity: 'merchant', key: 'shop 1', count: 40, events: [row(1), row(2)] }, type: 'card_transaction', currentId: 'ev1', masked: false }));
    expect(panel).toContain('the latest 2');
    expect(panel).toContain('entity=merchant%3Ashop+1');
    const masked = html(createElement(EntityPanel, { panel: { entity: 'card', key: MASKED, count: 2, events: [row(1)] }, type: 'card_transaction', currentId: 'ev1', masked: true }));
    expect(masked).not.toContain('All in Events');
    const samples = Array.from({ length: 20 }, (_, i) => ({ ...row(i), features: row(i).features! }));
    const preview = html(createElement(AggregatePreview, { definition: CARD_TRANSACTION, samples }));
    expect(preview).toContain('card.count_1h');
    expect(preview).toMatch(/events? from this card in the last hour/);
    expect(preview.match(/<tr>/g)!.length).toBe(21);
  });

  it('renders the editor with one row per field and aggregate, and the CSV start', () => {
    const out = html(createElement(DefinitionEditor, { initial: draftOf(CARD_TRANSACTION), existing: 'card_transaction', canWrite: true }));
    expect(out.match(/data-testid="field-row"/g)).toHaveLength(CARD_TRANSACTION.fields.length);
    expect(out.match(/data-testid="aggregate-row"/g)).toHaveLength(CARD_TRANSACTION.aggregates.length);
    expect(out).toContain('Save as a new version');
    const readOnly = html(createElement(DefinitionEditor, { initial: draftOf(CARD_TRANSACTION), existing: 'card_transaction', canWrite: false }));
    expect(readOnly).not.toContain('data-testid="definition-save"');
    expect(html(createElement(CsvStart))).toContain('data-testid="type-csv-file"');
  });

  it('states what changed between versions', () => {
    const v2 = { ...CARD_TRANSACTION, fields: [...CARD_TRANSACTION.fields, { name: 'device', type: 'id' as const, entity: 'device' }] };
    const out = html(createElement(VersionHistory, { versions: [
      { version: 2, definition: v2, createdBy: 'engineer@vigil.local', createdAt: '2026-01-02T00:00:00.000Z' },
      { version: 1, definition: CARD_TRANSACTION, createdBy: null, createdAt: '2026-01-01T00:00:00.000Z' },
    ] }));
    expect(out).toContain('+ field device');
    expect(out).toContain('engineer@vigil.local');
    expect(out).toContain('2026-01-02 00:00 UTC');
  });

  it('builds the score tester form from the type, prefilled from its example with masked values left blank', () => {
    const out = html(createElement(EventTester, { types: [{ name: 'card_transaction', label: 'Card transaction', definition: CARD_TRANSACTION, example: row(3).payload, versions: [] }] }));
    expect(out).toContain('id="ev-merchant"');
    expect(out).toContain('value="shop 3"');
    expect(out).not.toContain(MASKED);
    expect(out.match(/ id="ev-/g)).toHaveLength(CARD_TRANSACTION.fields.length);
  });
});
