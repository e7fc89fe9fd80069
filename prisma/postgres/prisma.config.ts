// Prisma CLI config for the Postgres copy of the schema (used by `migrate diff` when writing migrations).
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

const url = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : 'postgresql://postgres@127.0.0.1:5432/postgres';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'schema.prisma',
  async adapter() {
    return new PrismaPg({ connectionString: url });
  },
});
