// Time of npm start's database step on a fresh demo database: migrate, seedDemo and the live demo's
// traffic (prepareDatabase({ traffic: true }), exactly what scripts/start.ts runs), then what it produced.
//
//   npx tsx bench/demo-seed.ts [--db sqlite|postgres] [--days 14] [--scale 1]
import { argValue, freshDatabase } from './lib/common';

const argv = process.argv.slice(2);
const kind = argValue(argv, 'db', 'sqlite') as 'postgres' | 'sqlite';
const days = Number(argValue(argv, 'days', '14'));
const scale = Number(argValue(argv, 'scale', '1'));

async function main() {
  const fresh = await freshDatabase(kind, 'demo');
  process.env.DATABASE_URL = fresh.url;
  process.env.VIGIL_DATA_DIR = fresh.dataDir;
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  try {
    // Imported after DATABASE_URL is set: every lib/server module reads it once.
    const { db } = await import('@/lib/server/platform/db');
    const { prepareDatabase } = await import('@/lib/server/platform/setup');
    const t0 = performance.now();
    const lap = (what: string) => console.log(`${what}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (days === 14 && scale === 1) {
      await prepareDatabase({ demo: true, traffic: true, print: (line) => console.log(`${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s ${line.trim()}`) });
    } else {
      await prepareDatabase({ demo: true, print: () => {} });
      lap('prepareDatabase without traffic');
      const { seedDemoTraffic } = await import('@/lib/server/demo/traffic');
      await seedDemoTraffic({ days, scale, print: (line) => console.log(line.trim()) });
    }
    lap(`total (${kind}, ${days} days, scale ${scale})`);
    const cards = { eventType: 'card_transaction' };
    const [tx, events, queue, labels, alerts, snapshots, shadowScored] = await Promise.all([
      db().event.count({ where: cards }), db().event.count(),
      db().event.count({ where: { ...cards, label: null, decision: { in: ['review', 'block'] } } }),
      db().event.count({ where: { ...cards, label: { not: null } } }),
      db().alert.count(), db().driftSnapshot.count(), db().event.count({ where: { shadowScore: { not: null } } }),
    ]);
    const alertTypes = await db().alert.groupBy({ by: ['type'], _count: true });
    const eventQueue = await db().event.count({ where: { label: null, decision: { in: ['review', 'block'] } } });
    const eventLabels = await db().event.count({ where: { label: { not: null } } });
    console.log({ transactions: tx, events, reviewQueue: queue, eventReviewQueue: eventQueue, transactionLabels: labels, eventLabels, alerts, driftSnapshots: snapshots, shadowScored });
    console.log('alerts by type', alertTypes.map((a) => `${a.type}: ${a._count}`).join(', '));
    // Labels per type and day: the performance chart shows realised points on days with at least minLabels.
    const perDay = await db().event.findMany({ where: { label: { not: null } }, select: { eventType: true, occurredAt: true } });
    const labelDays = new Map<string, Map<string, number>>();
    for (const e of perDay) {
      const byDay = labelDays.get(e.eventType) ?? new Map<string, number>();
      const day = e.occurredAt.toISOString().slice(0, 10);
      byDay.set(day, (byDay.get(day) ?? 0) + 1);
      labelDays.set(e.eventType, byDay);
    }
    for (const [type, byDay] of labelDays) console.log(`labels per day, ${type}:`, [...byDay].sort().map(([d, n]) => `${d.slice(5)} ${n}`).join(', '));
  } finally {
    await fresh.drop();
  }
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
