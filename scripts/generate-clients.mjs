#!/usr/bin/env node
// postinstall: refresh the Postgres schema copy and generate both Prisma clients (offline, JS engine).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' } });
const prismaCli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');

run([path.join(root, 'scripts', 'postgres-schema.mjs')]);
for (const schema of ['prisma/schema.prisma', 'prisma/postgres/schema.prisma']) {
  run([prismaCli, 'generate', '--schema', schema]);
}
