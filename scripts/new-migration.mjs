#!/usr/bin/env node
// Writes a new migration for both providers by diffing the latest snapshot against the schema.
// Offline: no shadow database, no `migrate dev`. Usage: npm run db:new-migration -- <name>
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prismaCli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_');
if (!name) {
  console.error('usage: npm run db:new-migration -- <name>');
  process.exit(2);
}
execFileSync(process.execPath, [path.join(root, 'scripts', 'postgres-schema.mjs')], { stdio: 'inherit' });

const providers = [
  { provider: 'sqlite', dir: 'prisma', config: 'prisma.config.ts' },
  { provider: 'postgresql', dir: 'prisma/postgres', config: 'prisma/postgres/prisma.config.ts' },
];
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

for (const { provider, dir, config } of providers) {
  const migrations = path.join(root, dir, 'migrations');
  fs.mkdirSync(migrations, { recursive: true });
  const previous = fs.readdirSync(migrations).filter((d) => fs.existsSync(path.join(migrations, d, 'schema.prisma'))).sort().at(-1);
  const schema = path.join(root, dir, 'schema.prisma');
  const from = previous ? ['--from-schema-datamodel', path.join(migrations, previous, 'schema.prisma')] : ['--from-empty'];
  const sql = execFileSync(process.execPath, [prismaCli, 'migrate', 'diff', '--config', config, ...from, '--to-schema-datamodel', schema, '--script'], { cwd: root, encoding: 'utf8' });
  if (!/^\s*(CREATE|ALTER|DROP|PRAGMA|INSERT|UPDATE)/m.test(sql)) {
    console.log(`${provider}: no changes`);
    continue;
  }
  const folder = path.join(migrations, `${stamp}_${name}`);
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'migration.sql'), sql);
  fs.copyFileSync(schema, path.join(folder, 'schema.prisma'));
  fs.writeFileSync(path.join(migrations, 'migration_lock.toml'), `provider = "${provider}"\n`);
  console.log(`${provider}: wrote ${path.relative(root, folder)}/migration.sql`);
}
