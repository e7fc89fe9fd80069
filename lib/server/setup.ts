// Everything a fresh database needs before serving: schema, first admin, and (optionally) the demo.
import { env } from './env';
import { childLogger } from './logger';
import { migrate } from './migrations';
import { bootstrapAdmin } from './users';
import { seedDemo } from './seed';

const log = childLogger('setup');

export async function prepareDatabase(opts: { demo?: boolean; print?: (line: string) => void } = {}) {
  const print = opts.print ?? ((line: string) => console.log(line));
  const { applied } = await migrate(env().DATABASE_URL);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const admin = await bootstrapAdmin();
  if (admin?.generatedPassword) {
    print(`\n  First admin created: ${admin.email}\n  Password (shown once): ${admin.generatedPassword}\n`);
  }
  if (opts.demo ?? env().VIGIL_DEMO === '1') await seedDemo({ print });
}
