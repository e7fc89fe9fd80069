// A filter on one field of the stored payload. Prisma spells a JSON path differently per provider: a JSONPath
// string on SQLite, an array of keys on Postgres.
import type { Prisma } from '@/lib/generated/sqlite/client';
import { dbProvider } from '../platform/env';

export function payloadField(field: string, filter: { equals: string | number } | { string_contains: string }): Prisma.EventWhereInput {
  const path = dbProvider() === 'postgres' ? [field] : `$.${JSON.stringify(field)}`;
  return { payload: { path, ...filter } as unknown as Prisma.JsonFilter<'Event'> };
}
