// UTC days: monitoring, alerts and the demo count by the calendar day in UTC.
export const DAY_MS = 86_400_000;

/** Midnight UTC of the day `t` falls in. */
export const utcDay = (t: Date) => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
