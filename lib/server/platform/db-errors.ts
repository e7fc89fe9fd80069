// Recognising database errors that are the client's doing, across both providers and their driver adapters.

/** A unique index refused the write (Prisma P2002; SQLite and Postgres report it alike). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
}
