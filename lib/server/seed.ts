// The demo: one user per role and generated, deterministic datasets. Runs once, on an empty database.
import { generateEmails, generateTransactions, SPARKOV_COLUMNS } from '@/lib/demo';
import { createDatasetVersion } from './datasets';
import { db } from './db';
import { childLogger } from './logger';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from './users';

const log = childLogger('seed');

export const DEMO_DATASETS = { email: 'demo-emails', transaction: 'demo-transactions' } as const;

export async function seedDemo(opts: { print?: (line: string) => void } = {}) {
  if (await db().dataset.findUnique({ where: { name: DEMO_DATASETS.email } })) return { seeded: false };
  const started = Date.now();
  const users = await seedDemoUsers();
  const emails = generateEmails({ count: 4000, seed: 7 });
  await createDatasetVersion({ name: DEMO_DATASETS.email, kind: 'email', source: 'generated', rows: emails, columns: ['email', 'label'], labelColumn: 'label' });
  const transactions = generateTransactions({ cards: 400, days: 60, seed: 7 });
  await createDatasetVersion({
    name: DEMO_DATASETS.transaction, kind: 'transaction', source: 'generated', rows: transactions,
    columns: [...SPARKOV_COLUMNS], labelColumn: 'is_fraud', timeColumn: 'unix_time', idColumn: 'trans_num',
  });
  log.info({ users, emails: emails.length, transactions: transactions.length, ms: Date.now() - started }, 'demo seeded');
  opts.print?.(`  Demo seeded: ${DEMO_USERS.map((u) => u.email).join(', ')} (password "${DEMO_PASSWORD}")`);
  return { seeded: true };
}
