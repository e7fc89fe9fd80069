#!/usr/bin/env node
// Generates prisma/postgres/schema.prisma from prisma/schema.prisma (the one file to edit).
// --check exits 1 when the generated copy is stale (CI).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'prisma', 'schema.prisma');
const target = path.join(root, 'prisma', 'postgres', 'schema.prisma');

export function toPostgres(schema) {
  const out = schema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://unused/placeholder"')
    .replace('output       = "../lib/generated/sqlite"', 'output       = "../../lib/generated/postgres"');
  if (out.includes('"sqlite"') || !out.includes('lib/generated/postgres')) {
    throw new Error('prisma/schema.prisma no longer matches the expected generator/datasource layout');
  }
  return '// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs. Do not edit.\n' + out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wanted = toPostgres(fs.readFileSync(source, 'utf8'));
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current !== wanted) {
      console.error('prisma/postgres/schema.prisma is stale: run `npm run db:schema`.');
      process.exit(1);
    }
    console.log('prisma/postgres/schema.prisma is up to date.');
  } else {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, wanted);
    console.log('wrote prisma/postgres/schema.prisma');
  }
}
