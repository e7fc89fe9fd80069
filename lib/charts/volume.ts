// Daily volume and flag rate, ready for a bar + line chart.
export interface DayVolume { day: string; total: number; flagged: number }

export function volumeRows(days: DayVolume[]) {
  return days.map((d) => ({
    day: d.day.slice(5),
    allowed: d.total - d.flagged,
    flagged: d.flagged,
    // No traffic means no rate, not a 0% rate.
    flagRate: d.total ? Math.round((1000 * d.flagged) / d.total) / 10 : null,
  }));
}
