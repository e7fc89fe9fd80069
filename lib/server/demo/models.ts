// The live demo's extra models, trained and staged through the registry like any other version:
// a production model for the built-in `registration` event type, and a challenger card model in shadow.
import { generateRegistrations } from '@/lib/demo/registrations';
import { generateTransactions } from '@/lib/demo/transactions';
import type { Row } from '@/lib/ml/features';
import { trainModel } from '@/lib/ml/model';
import { prepareRows, storeVersion } from '../datasets/store';
import { db } from '../platform/db';
import { definitionOf } from '../events';
import { registerVersion, setStage } from '../registry/models';
import { resetScoringCache } from '../decisions/scoring';
import { DEMO_CARD_SET, DEMO_DATASETS, DEMO_MODELS } from './names';
import { DAY_MS } from '../platform/days';

const REGISTRATION_TYPE = 'registration';

/** Trains on 21 days of sign-ups before `before` (the traffic's first day) and puts the version in production. */
export async function trainRegistrationModel(before: number) {
  const { definition, version } = await definitionOf(REGISTRATION_TYPE);
  const rows = generateRegistrations({ days: 21, start: before - 21 * DAY_MS, perDay: 200, seed: 31, idPrefix: 'demo-reg-train' });
  const prepared = prepareRows({
    name: DEMO_DATASETS.registrations, kind: 'tabular', source: 'generated', rows, columns: Object.keys(rows[0]),
    labelColumn: 'is_fraud', timeColumn: definition.timeField, idColumn: definition.idField,
  });
  const dv = await storeVersion({ ...prepared, kind: 'event', eventType: REGISTRATION_TYPE, eventTypeVersion: version });
  const trained = await trainModel({
    kind: 'event', rows: rows as unknown as Row[], labelColumn: 'is_fraud', algorithm: 'gbdt', params: { rounds: 60 },
    featureOptions: { eventType: definition }, costFp: 1, costFn: 10,
  });
  const v = await registerVersion({ trained, modelName: DEMO_MODELS.registration, datasetVersionId: dv.id, eventType: { name: REGISTRATION_TYPE, version }, log: ['trained by the demo seed'] });
  await setStage(v.id, 'production', 'Demo seed: initial model', null);
  resetScoringCache();
  return v.id;
}

/** A second card model trained on the demo card dataset, in shadow next to production: champion vs challenger. */
export async function trainCardChallenger() {
  const dataset = await db().dataset.findUniqueOrThrow({ where: { name: DEMO_DATASETS.transaction }, select: { versions: { select: { id: true }, orderBy: { createdAt: 'desc' }, take: 1 } } });
  const versionId = dataset.versions[0].id;
  // The stored version's rows, regenerated (same generator and seed) rather than parsed back from its CSV.
  const rows = generateTransactions(DEMO_CARD_SET) as unknown as Row[];
  // Shallower and faster-learning than the champion (gbdt, 150 rounds): a cheap challenger to compare.
  const trained = await trainModel({ kind: 'transaction', rows, labelColumn: 'is_fraud', algorithm: 'gbdt', params: { rounds: 60, depth: 4, learningRate: 0.15 }, costFp: 1, costFn: 10 });
  const v = await registerVersion({ trained, modelName: DEMO_MODELS.cardChallenger, datasetVersionId: versionId, log: ['trained by the demo seed as a challenger'] });
  await setStage(v.id, 'shadow', 'Demo seed: challenger in shadow', null);
  resetScoringCache();
  return v.id;
}
