// Aggregate values in words, for reason codes.
import type { AggregateDef, AggregateWindow, EventTypeDefinition } from './definition';

const SPAN: Record<AggregateWindow, string> = { '10m': '10 minutes', '1h': '1 hour', '24h': '24 hours', '7d': '7 days', '30d': '30 days' };
const LAST: Record<AggregateWindow, string> = { '10m': 'the last 10 minutes', '1h': 'the last hour', '24h': 'the last 24 hours', '7d': 'the last 7 days', '30d': 'the last 30 days' };
const AVG: Record<AggregateWindow, string> = { '10m': '10-minute', '1h': 'hourly', '24h': '24-hour', '7d': '7-day', '30d': '30-day' };

function duration(s: number): string {
  if (s < 120) return `${Math.round(s)} seconds`;
  if (s < 7200) return `${Math.round(s / 60)} minutes`;
  if (s < 172800) return `${Math.round(s / 3600)} hours`;
  return `${Math.round(s / 86400)} days`;
}

const num = (x: number, money = false) => x.toLocaleString('en-US', { minimumFractionDigits: money ? 2 : 0, maximumFractionDigits: 2 });

/** The aggregate in words for reason codes: "14 events from this customer in the last 24 hours". */
export function describeAggregate(def: EventTypeDefinition, a: AggregateDef, value: number): string {
  const who = `this ${a.entity}`;
  // Amounts with their cents: "amt totals 1,250.00".
  const amount = (x: number) => num(x, a.field !== undefined && a.field === def.amountField);
  if (Number.isNaN(value)) {
    if (a.fn === 'since_last') return `first event seen for ${who}`;
    if (a.fn === 'ratio_to_mean') return `no earlier ${a.field} for ${who} to compare with`;
    if (a.fn === 'mean' || a.fn === 'max') return `no ${a.field} for ${who} in ${LAST[a.window!]}`;
    return `no ${a.entity} on this event`;
  }
  switch (a.fn) {
    case 'count': return `${num(value)} event${value === 1 ? '' : 's'} from ${who} in ${LAST[a.window!]}`;
    case 'sum': return `${a.field} totals ${amount(value)} for ${who} in ${LAST[a.window!]}`;
    case 'mean': return `${a.field} averages ${amount(value)} for ${who} over ${LAST[a.window!]}`;
    case 'max': return `highest ${a.field} ${amount(value)} for ${who} in ${LAST[a.window!]}`;
    case 'distinct': return `${a.field}: ${num(value)} distinct value${value === 1 ? '' : 's'} for ${who} in ${SPAN[a.window!]}`;
    case 'since_last': return `${duration(value)} since ${who}'s previous event`;
    case 'ratio_to_mean': {
      const x = `${value >= 10 ? Math.round(value) : value.toFixed(1)}×`;
      return `${a.field} ${x} ${who}'s ${a.window ? `${AVG[a.window]} average` : 'usual'}`;
    }
  }
}
