// The demo: one user per role, generated deterministic datasets, and a trained production model per kind.
// Runs once, on an empty database; with `traffic`, then two weeks of live traffic (demo/traffic.ts).
import { aggregateEvents } from '@/lib/data/aggregate';
import { generateCreditRecords, generateEmails, generateTransactions, generateUserEvents } from '@/lib/demo';
import { CREDIT_COLUMNS, SPARKOV_COLUMNS } from '@/lib/ml/events/seed-shapes';
import { trainModel } from '@/lib/ml/model';
import type { Row } from '@/lib/ml/features';
import { COMPAT_MODELS } from '../compat/models';
import { createDatasetVersion } from '../datasets';
import { db } from '../platform/db';
import { childLogger } from '../platform/logger';
import { registerVersion, setStage } from '../registry/models';
import { DEMO_CARD_SET, DEMO_DATASETS } from './names';
import { seedDemoTraffic, type DemoTrafficOptions } from './traffic';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from '../access/users';
import { ensurePresets } from '../events/presets';

const log = childLogger('seed');

export { DEMO_DATASETS };

/** `traffic` (npm start only: it takes seconds) also sends the live demo's traffic; it needs `train`. */
export async function seedDemo(opts: { print?: (line: string) => void; train?: boolean; traffic?: boolean | Omit<DemoTrafficOptions, 'print'> } = {}) {
  // The built-in event types exist on every seeded database, demo data or not (idempotent).
  await ensurePresets();
  if (await db().dataset.findUnique({ where: { name: DEMO_DATASETS.email } })) return { seeded: false };
  const started = Date.now();
  const demoUsers = await seedDemoUsers();
  const emails = generateEmails({ count: 4000, seed: 7 });
  const emailVersion = await createDatasetVersion({ name: DEMO_DATASETS.email, kind: 'email', source: 'generated', rows: emails, columns: ['email', 'label'], labelColumn: 'label' });
  const transactions = generateTransactions(DEMO_CARD_SET);
  const txVersion = await createDatasetVersion({
    name: DEMO_DATASETS.transaction, kind: 'transaction', source: 'generated', rows: transactions,
    columns: [...SPARKOV_COLUMNS], labelColumn: 'is_fraud', timeColumn: 'unix_time', idColumn: 'trans_num',
  });
  const credit = generateCreditRecords({ count: 3000, seed: 7 });
  const creditVersion = await createDatasetVersion({ name: DEMO_DATASETS.credit, kind: 'tabular', source: 'generated', rows: credit, columns: [...CREDIT_COLUMNS], labelColumn: 'is_fraud', idColumn: 'customer_id' });
  const events: Record<string, string | number>[] = generateUserEvents({ users: 2000, seed: 7 }).map((e) => ({ ...e }));
  const users = aggregateEvents(events, { by: 'UserId', label: 'Fake' });
  const usersVersion = await createDatasetVersion({ name: DEMO_DATASETS.fakeUsers, kind: 'tabular', source: 'generated', rows: users.rows, columns: users.columns, labelColumn: 'Fake', idColumn: 'UserId' });
  if (opts.train ?? true) {
    await trainDemoModel('email', `email-default`, emails as unknown as Row[], 'label', emailVersion.id);
    await trainDemoModel('transaction', 'transaction-default', transactions as unknown as Row[], 'is_fraud', txVersion.id);
    await trainDemoModel('tabular', COMPAT_MODELS.credit, credit as unknown as Row[], 'is_fraud', creditVersion.id);
    await trainDemoModel('tabular', COMPAT_MODELS.fakeUsers, users.rows, 'Fake', usersVersion.id);
  }
  log.info({ demoUsers, emails: emails.length, transactions: transactions.length, ms: Date.now() - started }, 'demo seeded');
  opts.print?.(`  Demo seeded: ${DEMO_USERS.map((u) => u.email).join(', ')} (password "${DEMO_PASSWORD}")`);
  if (opts.traffic && (opts.train ?? true)) {
    opts.print?.('  Demo traffic: sending two weeks of card payments, email checks and sign-ups…');
    await seedDemoTraffic({ ...(opts.traffic === true ? {} : opts.traffic), print: opts.print });
  }
  return { seeded: true };
}

/** Trains the default model for a kind on the demo data and puts it in production, so scoring works at once. */
async function trainDemoModel(kind: 'email' | 'transaction' | 'tabular', modelName: string, rows: Row[], labelColumn: string, datasetVersionId: string) {
  const trained = await trainModel({ kind, rows, labelColumn, algorithm: 'gbdt', params: { rounds: 150 }, costFp: 1, costFn: 10 });
  const version = await registerVersion({ trained, modelName, datasetVersionId, log: ['trained by the demo seed'] });
  await setStage(version.id, 'production', 'Demo seed: initial model', null);
  log.info({ kind, versionId: version.id, ms: trained.training.durationMs, rocAuc: trained.metrics.rocAuc }, 'demo model in production');
}
