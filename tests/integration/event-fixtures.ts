// An event type of web orders with a production model trained on its first days, for drift and retraining tests.
import { generateOrders, ORDER_EVENT_TYPE, type Order } from '@/lib/demo/orders';
import type { EventTypeDefinition } from '@/lib/ml/events/definition';
import type { Row } from '@/lib/ml/features';
import { trainModel } from '@/lib/ml/model';
import { prepareRows, storeVersion } from '@/lib/server/datasets/store';
import { createEventType, ingestEvents } from '@/lib/server/events';
import { registerVersion, setStage } from '@/lib/server/registry/models';
import { resetScoringCache } from '@/lib/server/decisions/scoring';
import { unique } from './helpers';

const DAY = 86_400;
export const timeOf = (o: Order) => (typeof o.created_at === 'number' ? o.created_at / 1000 : Date.parse(o.created_at) / 1000);
const START = Date.UTC(2026, 0, 1) / 1000;

/** A fresh type (orders under a unique name), its base dataset version and a production model on days < trainDays. */
export async function orderModel(prefix: string, opts: { trainDays?: number; definition?: EventTypeDefinition; orders?: Order[] } = {}) {
  const type = unique(prefix).replace(/-/g, '_');
  const def = { ...(opts.definition ?? ORDER_EVENT_TYPE), name: type };
  await createEventType(def, null);
  const orders = (opts.orders ?? generateOrders({ customers: 1000, orders: 5000, bursts: 75, seed: 11 })).sort((a, b) => timeOf(a) - timeOf(b));
  const train = orders.filter((o) => timeOf(o) < START + (opts.trainDays ?? 20) * DAY);
  const columns = Object.keys(train[0]);
  const prepared = prepareRows({ name: unique(`${type}-base`), kind: 'tabular', source: 'generated', rows: train, columns, labelColumn: 'is_fraud', timeColumn: 'created_at', idColumn: 'order_id' });
  const dv = await storeVersion({ ...prepared, kind: 'event', eventType: type, eventTypeVersion: 1 });
  const trained = await trainModel({ kind: 'event', rows: train as unknown as Row[], labelColumn: 'is_fraud', algorithm: 'gbdt', params: { rounds: 30 }, featureOptions: { eventType: def } });
  const v = await registerVersion({ trained, modelName: unique(`${type}-model`), datasetVersionId: dv.id, eventType: { name: type, version: 1 } });
  await setStage(v.id, 'production', 'event fixture', null);
  resetScoringCache();
  return { type, versionId: v.id, orders, datasetVersionId: dv.id };
}

/** Ingests orders in time order, 1,000 a batch. */
export async function ingestOrders(type: string, orders: Order[]) {
  const sorted = [...orders].sort((a, b) => timeOf(a) - timeOf(b));
  for (let i = 0; i < sorted.length; i += 1000) await ingestEvents(type, sorted.slice(i, i + 1000) as never, null);
}
