// The demo: one user per role, generated deterministic datasets, and a trained production model per kind.
// Runs once, on an empty database.
import { generateEmails, generateTransactions, SPARKOV_COLUMNS } from '@/lib/demo';
import { trainModel } from '@/lib/ml/model';
import type { Row } from '@/lib/ml/features';
import { createDatasetVersion } from './datasets';
import { db } from './db';
import { childLogger } from './logger';
import { registerVersion, setStage } from './models';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from './users';

const log = childLogger('seed');

export const DEMO_DATASETS = { email: 'demo-emails', transaction: 'demo-transactions' } as const;

export async function seedDemo(opts: { print?: (line: string) => void; train?: boolean } = {}) {
  if (await db().dataset.findUnique({ where: { name: DEMO_DATASETS.email } })) return { seeded: false };
  const started = Date.now();
  const users = await seedDemoUsers();
  const emails = generateEmails({ count: 4000, seed: 7 });
  const emailVersion = await createDatasetVersion({ name: DEMO_DATASETS.email, kind: 'email', source: 'generated', rows: emails, columns: ['email', 'label'], labelColumn: 'label' });
  const transactions = generateTransactions({ cards: 400, days: 60, seed: 7 });
  const txVersion = await createDatasetVersion({
    name: DEMO_DATASETS.transaction, kind: 'transaction', source: 'generated', rows: transactions,
    columns: [...SPARKOV_COLUMNS], labelColumn: 'is_fraud', timeColumn: 'unix_time', idColumn: 'trans_num',
  });
  if (opts.train ?? true) {
    await trainDemoModel('email', emails as unknown as Row[], 'label', emailVersion.id);
    await trainDemoModel('transaction', transactions as unknown as Row[], 'is_fraud', txVersion.id);
  }
  log.info({ users, emails: emails.length, transactions: transactions.length, ms: Date.now() - started }, 'demo seeded');
  opts.print?.(`  Demo seeded: ${DEMO_USERS.map((u) => u.email).join(', ')} (password "${DEMO_PASSWORD}")`);
  return { seeded: true };
}

/** Trains the default model for a kind on the demo data and puts it in production, so scoring works at once. */
async function trainDemoModel(kind: 'email' | 'transaction', rows: Row[], labelColumn: string, datasetVersionId: string) {
  const trained = await trainModel({ kind, rows, labelColumn, algorithm: 'gbdt', params: { rounds: 150 }, costFp: 1, costFn: 10 });
  const version = await registerVersion({ trained, modelName: `${kind}-default`, datasetVersionId, log: ['trained by the demo seed'] });
  await setStage(version.id, 'production', 'Demo seed: initial model', null);
  log.info({ kind, versionId: version.id, ms: trained.training.durationMs, rocAuc: trained.metrics.rocAuc }, 'demo model in production');
}
