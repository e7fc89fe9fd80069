// The overview's per-type daily volume as recharts rows.
import { scopeName, type TypeVolume } from '@/lib/schemas/scope';

/** One row per day with a column per type's total (types share the same 14 days). */
export function typeVolumeRows(types: TypeVolume[]): Record<string, string | number>[] {
  const days = types[0]?.daily.map((d) => d.day) ?? [];
  return days.map((day, i) => {
    const row: Record<string, string | number> = { day };
    for (const t of types) row[scopeName(t.scope)] = t.daily[i]?.total ?? 0;
    return row;
  });
}
