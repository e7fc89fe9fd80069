// The type pickers' components rendered to HTML: the picker links keep the page and mark the current type,
// the event queue links each event to its page, the registry groups by event type, the overview lists every type.
import { AppRouterContext, type AppRouterInstance } from 'next/dist/shared/lib/app-router-context.shared-runtime';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Registry, type RegistryModel, type RegistryVersion } from '@/components/models/registry';
import { TypeVolumesTable } from '@/components/overview/type-volumes-table';
import { EventQueue } from '@/components/review/event-queue';
import { ScopePicker } from '@/components/ui/scope-picker';
import type { EventQueuePage } from '@/lib/schemas/responses/events';

const router = { push() {}, replace() {}, refresh() {}, back() {}, forward() {}, prefetch() {} } as unknown as AppRouterInstance;
const html = (el: ReactElement) => renderToString(createElement(AppRouterContext.Provider, { value: router }, el)).replace(/<!-- -->/g, '');

const options = [
  { scope: { eventType: 'card_transaction' }, items: 10, hasProduction: true },
  { scope: { eventType: 'email' }, items: 4, hasProduction: false },
  { scope: { eventType: 'registration' }, items: 1234, hasProduction: true },
];

describe('scope picker', () => {
  it('links every type to the same page, the current one marked', () => {
    const out = html(createElement(ScopePicker, { options, current: { eventType: 'registration' }, basePath: '/monitoring/shadow' }));
    expect(out).toContain('href="/monitoring/shadow?type=email"');
    expect(out).toContain('href="/monitoring/shadow?type=registration"');
    expect(out).toMatch(/aria-current="page"[^>]*data-testid="scope-registration"|data-testid="scope-registration"[^>]*aria-current="page"/);
    expect(out).toContain('1,234');
  });

  it('shows a type named in the URL even before it has data, and leaves out options without a link', () => {
    const out = html(createElement(ScopePicker, { options, current: { eventType: 'fresh_type' }, basePath: '/drift' }));
    expect(out).toContain('data-testid="scope-fresh_type"');
    const jumps = html(createElement(ScopePicker, { options, current: { eventType: 'card_transaction' }, basePath: '/x', hrefFor: (o) => (o.scope.eventType === 'registration' ? '/models/versions/v9/backtest' : null) }));
    expect(jumps).toContain('href="/models/versions/v9/backtest"');
    expect(jumps).not.toContain('scope-email');
    expect(jumps).toContain('scope-card_transaction');
  });
});

describe('event review queue', () => {
  it('shows id, time, amount, score, decision and top reason, each event linked to /events/{id}', () => {
    const page: EventQueuePage = {
      type: 'registration', total: 250, nextCursor: 'ev99',
      items: Array.from({ length: 100 }, (_, i) => ({
        id: `ev${i}`, eventType: 'registration', typeVersion: 1, externalId: `reg-${i}`, occurredAt: '2026-01-02T03:04:05.000Z', amount: i ? 12.5 : null,
        payload: {}, features: {}, score: 0.9 - i / 1000, modelVersionId: 'v1', decision: i % 2 ? 'review' : 'block',
        reasons: [{ feature: 'email_domain', text: 'disposable email domain', contribution: 0.4 }], shadowScore: null, shadowModelVersionId: null,
        label: null, labelledById: null, labelledAt: null, version: 0, createdAt: '2026-01-02T03:04:05.000Z',
      })),
    };
    const out = html(createElement(EventQueue, { page, filtered: false, nextHref: '/review?type=registration&cursor=ev99' }));
    expect(out.match(/data-testid="queue-row"/g)).toHaveLength(100);
    expect(out).toContain('href="/events/ev7"');
    expect(out).toContain('reg-7');
    expect(out).toContain('disposable email domain');
    expect(out).toContain('2026-01-02');
    expect(out).toContain('$12.50');
    expect(out).toContain('data-testid="queue-count">250');
    expect(out).toContain('cursor=ev99');
  });
});

describe('registry grouped by event type', () => {
  const version = (modelName: string, n: number, stage: string): RegistryVersion => ({
    id: `${modelName}-${n}`, modelName, version: n, algorithm: 'gbdt', stage, rocAuc: 0.9, prAuc: 0.5, trainedBy: 'system', createdAt: '2026-01-01T00:00:00.000Z', trainingMs: 10,
  });
  const model = (name: string, kind: string, eventType: string | null, versions: RegistryVersion[]): RegistryModel => ({
    id: name, name, kind, eventType, versions, production: versions.find((v) => v.stage === 'production') ?? null, bestCandidate: null,
  });

  it('puts legacy kinds first, then one group per event type with its production and shadow versions', () => {
    const out = html(createElement(Registry, { models: [
      model('reg-b', 'event', 'registration', [version('reg-b', 1, 'shadow')]),
      model('cards', 'transaction', null, [version('cards', 2, 'production'), version('cards', 1, 'archived')]),
      model('reg-a', 'event', 'registration', [version('reg-a', 3, 'production')]),
      model('acts', 'event', 'user_activity', [version('acts', 1, 'candidate')]),
    ] }));
    const order = ['kind-transaction', 'type-registration', 'type-user_activity'].map((id) => out.indexOf(`data-testid="${id}"`));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const serving = out.slice(out.indexOf('data-testid="type-registration-serving"'), out.indexOf('data-testid="model-reg-b"'));
    expect(serving).toContain('Production: <span><a href="/models/versions/reg-a-3">reg-a v3</a></span>');
    expect(serving).toContain('Shadow: <span><a href="/models/versions/reg-b-1">reg-b v1</a></span>');
    // Both registration models sit in the one group.
    expect(out.indexOf('data-testid="model-reg-a"')).toBeLessThan(order[2]);
    expect(out.slice(out.indexOf('type-user_activity-serving'))).toMatch(/Production: <span class="muted">none<\/span>/);
  });

  it("names a challenger's shadow version on its card instead of asking to promote it", () => {
    const out = html(createElement(Registry, { models: [model('challenger', 'transaction', null, [version('challenger', 1, 'shadow')])] }));
    const card = out.slice(out.indexOf('data-testid="model-challenger"'));
    expect(card).toContain('none: a challenger, scored beside the production model');
    expect(card).toContain('data-testid="shadow-challenger"');
    expect(card).toContain('href="/models/versions/challenger-1"');
    expect(card).not.toContain('promote a version to start scoring');
  });
});

describe('overview type table', () => {
  it('lists every type with its 14-day and today volume and flag rate, linked to its queue', () => {
    const day = { day: '2026-01-01', total: 0, flagged: 0 };
    const out = html(createElement(TypeVolumesTable, { rows: [
      { scope: { eventType: 'card_transaction' }, last14: { total: 1400, flagged: 70, flagRate: 0.05 }, today: { total: 100, flagged: 0, flagRate: 0 }, daily: [day] },
      { scope: { eventType: 'registration' }, last14: { total: 0, flagged: 0, flagRate: null }, today: { total: 0, flagged: 0, flagRate: null }, daily: [day] },
    ] }));
    expect(out).toContain('data-testid="type-volume-card_transaction"');
    expect(out).toContain('1,400');
    expect(out).toContain('5.0%');
    expect(out).toContain('href="/review?type=registration"');
  });
});
