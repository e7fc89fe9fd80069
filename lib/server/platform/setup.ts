// Everything a fresh database needs before serving: schema, first admin, and (in demo mode) the demo.
import { demoMode } from '../access/demo-mode';
import { retireDemoAccounts } from '../access/users-admin';
import { env } from './env';
import { childLogger } from './logger';
import { migrate } from './migrations';
import { bootstrapAdmin, seedDemoUsers } from '../access/users';
import { seedDemo } from '../demo/seed';
import { afterMigrations } from '../events/rebuild-state';

const log = childLogger('setup');

/** `traffic`: a fresh demo database also gets two weeks of live traffic (npm start asks for it; tests don't). */
export async function prepareDatabase(opts: { demo?: boolean; print?: (line: string) => void; traffic?: boolean } = {}) {
  const print = opts.print ?? ((line: string) => console.log(line));
  const { applied } = await migrate(env().DATABASE_URL);
  if (applied.length) log.info({ applied }, 'migrations applied');
  await afterMigrations(applied, print);
  const admin = await bootstrapAdmin();
  if (admin?.generatedPassword) {
    print(`\n  First admin created: ${admin.email}\n  Password (shown once, to be changed at first sign-in): ${admin.generatedPassword}\n`);
  }
  if (opts.demo ?? demoMode()) {
    await seedDemoUsers();
    await seedDemo({ print, traffic: opts.traffic });
    print('  Demo mode: shared demo accounts with public passwords are enabled. Set VIGIL_DEMO=0 to turn them off.');
  } else {
    const retired = await retireDemoAccounts();
    if (retired) log.info({ retired }, 'demo mode is off: demo accounts disabled and their tokens revoked');
  }
}
