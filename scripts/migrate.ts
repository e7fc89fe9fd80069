// npm run db:migrate [-- --status]: applies pending migrations to DATABASE_URL (idempotent).
import { env, dbProvider } from '@/lib/server/platform/env';
import { migrate, migrationStatus } from '@/lib/server/platform/migrations';
import { afterMigrations } from '@/lib/server/events/rebuild-state';

async function main() {
  const url = env().DATABASE_URL;
  const provider = dbProvider(url);
  if (process.argv.includes('--status')) {
    const s = await migrationStatus(url);
    console.log(`${provider}: ${s.applied.length} applied, ${s.pending.length} pending${s.pending.length ? ` (${s.pending.join(', ')})` : ''}`);
    if (s.modified.length) console.log(`modified after applying: ${s.modified.join(', ')}`);
    if (s.failed.length) console.log(`failed: ${s.failed.join(', ')}`);
    process.exit(s.pending.length || s.modified.length || s.failed.length ? 1 : 0);
  }
  const { applied } = await migrate(url);
  await afterMigrations(applied, (line) => console.log(line));
  console.log(applied.length ? `${provider}: applied ${applied.join(', ')}` : `${provider}: database is up to date`);
}

main().catch((err) => {
  console.error(`migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
