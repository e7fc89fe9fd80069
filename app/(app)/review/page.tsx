import { Forbidden } from '@/components/forbidden';
import { UrlFilters, type FilterField } from '@/components/review/queue-filters';
import { EventQueue } from '@/components/review/event-queue';
import { ReviewQueue } from '@/components/review/review-queue';
import { ScopePicker, scopeHref } from '@/components/ui/scope-picker';
import type { QueuePage } from '@/lib/client/review';
import { SPARKOV_CATEGORIES } from '@/lib/ml/events/seed-shapes';
import type { EventQueuePage } from '@/lib/schemas/responses/events';
import { QueueQuery } from '@/lib/schemas/reviews';
import { scopeFromParams } from '@/lib/schemas/scope';
import { parseFilters } from '@/lib/schemas/transaction-search';
import { eventReviewQueue } from '@/lib/server/events';
import { ApiError } from '@/lib/server/platform/http';
import { scopeOptions } from '@/lib/server/events/scope-options';
import { listModels } from '@/lib/server/registry/models';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';
import { reviewQueue } from '@/lib/server/compat/transactions-read';

export const metadata = { title: 'Review queue' };

// Same page size as the client's refetches (lib/client/review QUEUE_LIMIT); constants can't cross into server code from a hooks module.
const QUEUE_LIMIT = 100;
const FILTER_KEYS = ['band', 'minAmount', 'maxAmount', 'category', 'from', 'to', 'model'] as const;

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { who, allowed } = await pageAccess('transactions:read');
  if (!allowed) return <Forbidden role={who.role} what="read the review queue" />;
  const raw = await searchParams;
  const values: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = raw[key];
    if (typeof v === 'string' && v !== '') values[key] = v;
  }
  const scope = scopeFromParams(raw);
  // Without ?type= the queue is the first releases' one: card payments and email checks together.
  const eventType = raw.type || raw.kind ? scope.eventType : null;
  if (eventType) delete values.category;
  const { data: filtered, kept, dropped } = parseFilters(QueueQuery, values);
  const query = { ...filtered, limit: QUEUE_LIMIT };
  const cursor = eventType && typeof raw.cursor === 'string' ? raw.cursor : undefined;
  const [models, options] = await Promise.all([listModels(), scopeOptions()]);
  const ofScope = (v: { kind: string; servingSlot: string }) => (eventType ? v.servingSlot === `event:${eventType}` : v.kind === 'transaction' || v.kind === 'email');
  const versions = models.flatMap((m) => m.versions.filter(ofScope).map((v) => ({ value: v.id, label: `${m.name} v${v.version} (${v.stage})` })));
  // Dates become ISO strings, exactly as the client's later fetches of /api/review/queue see them.
  // An unknown type in the URL is a 404 from the service: the page says so instead of failing.
  const eventPage = eventType ? await eventReviewQueue({ ...query, type: eventType, cursor }).then((p) => JSON.parse(JSON.stringify(p)) as EventQueuePage, (err) => {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }) : null;
  const initial = eventType ? null : JSON.parse(JSON.stringify(await reviewQueue(query))) as QueuePage;
  const keep: Record<string, string> = eventType ? { type: eventType } : {};

  const fields: FilterField[] = [
    { key: 'band', label: 'Band', type: 'select', options: [{ value: '', label: 'review + block' }, { value: 'review', label: 'review' }, { value: 'block', label: 'block' }] },
    { key: 'minAmount', label: 'Min $', type: 'number', width: 90 },
    { key: 'maxAmount', label: 'Max $', type: 'number', width: 90 },
    ...(eventType ? [] : [{ key: 'category', label: 'Category', type: 'select', options: [{ value: '', label: 'any' }, ...SPARKOV_CATEGORIES.map((c) => ({ value: c, label: c }))] } satisfies FilterField]),
    { key: 'from', label: 'From', type: 'date' },
    { key: 'to', label: 'To', type: 'date' },
    { key: 'model', label: 'Model', type: 'select', options: [{ value: '', label: 'any' }, ...versions] },
  ];
  const filterKey = new URLSearchParams(kept).toString();
  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">Review queue</h1>
          <p className="lead">Unlabelled review and block items, riskiest first. Your labels become training data.</p>
        </div>
      </div>
      <ScopePicker options={options} current={scope} basePath="/review" label="Queue of" />
      <UrlFilters key={`${eventType ?? ''}?${filterKey}`} fields={fields} values={kept} keep={keep} testId="queue-filters" />
      {dropped.length ? <div className="alert warn" data-testid="filters-dropped">Ignored invalid filters: {dropped.join('; ')}</div> : null}
      {eventType && !eventPage ? <div className="alert warn" data-testid="unknown-type">There is no event type named {eventType}.</div> : null}
      {eventType
        ? eventPage && <EventQueue page={eventPage} filtered={filterKey !== ''} nextHref={eventPage.nextCursor ? scopeHref('/review', scope, { ...kept, cursor: eventPage.nextCursor }) : null} />
        : <ReviewQueue filters={filterKey} initial={initial!} canLabel={can(who.role, 'review:label')} />}
    </>
  );
}
