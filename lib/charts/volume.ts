// Daily volume and flag rate, ready for a bar + line chart.
import { formatMonthDay } from '@/lib/format';

export interface DayVolume { day: string; total: number; flagged: number }

export function volumeRows(days: DayVolume[]) {
  return days.map((d) => ({
    day: formatMonthDay(d.day),
    allowed: d.total - d.flagged,
    flagged: d.flagged,
    // No traffic means no rate, not a 0% rate.
    flagRate: d.total ? Math.round((1000 * d.flagged) / d.total) / 10 : null,
  }));
}
