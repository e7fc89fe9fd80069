// A SQLite write lock held by another process is not a bug: the client should come back in a moment.
// Prisma's better-sqlite3 adapter reports SQLITE_BUSY as P1008 / P2010 with the driver's code in
// meta.driverAdapterError.cause.originalCode; extended codes (SQLITE_BUSY_SNAPSHOT…) arrive unmapped.

const BUSY_CODE = /^SQLITE_(BUSY|LOCKED)/;

function codesOf(err: unknown, depth = 0): string[] {
  if (!err || typeof err !== 'object' || depth > 4) return [];
  const e = err as { code?: unknown; originalCode?: unknown; meta?: { driverAdapterError?: unknown }; cause?: unknown };
  const own = [e.code, e.originalCode].filter((c): c is string => typeof c === 'string');
  return [...own, ...codesOf(e.meta?.driverAdapterError, depth + 1), ...codesOf(e.cause, depth + 1)];
}

export function isDatabaseBusy(err: unknown): boolean {
  return codesOf(err).some((code) => BUSY_CODE.test(code));
}

export const BUSY_RETRY_AFTER_SECONDS = 1;
export const BUSY_MESSAGE = 'The database is busy with another write; retry in a second.';
