// Shared by server pages and client rows, so it must not live in a module that pulls in react-query.

/** A payload value as text for tables and definition lists. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(8)));
  return typeof v === 'string' ? v : JSON.stringify(v);
}
