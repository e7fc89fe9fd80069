import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/server/platform/db';
import { DEMO_DATASETS, seedDemo } from '@/lib/server/demo/seed';

describe('demo seed', () => {
  it('stores deterministic, immutable dataset versions once, with a production model per serving slot', async () => {
    // Another suite may have seeded this run's database already; either way a second call is a no-op.
    await seedDemo();
    expect((await seedDemo()).seeded).toBe(false);
    const emails = await db().dataset.findUniqueOrThrow({ where: { name: DEMO_DATASETS.email }, include: { versions: true } });
    const tx = await db().dataset.findUniqueOrThrow({ where: { name: DEMO_DATASETS.transaction }, include: { versions: true } });
    expect(emails.versions).toHaveLength(1);
    expect(emails.versions[0]).toMatchObject({ rowCount: 4000, positiveCount: 2000, source: 'generated', labelColumn: 'label' });
    const v = tx.versions[0];
    expect(v.rowCount).toBeGreaterThan(10_000);
    expect(v.positiveCount / v.rowCount).toBeGreaterThan(0.005);
    expect(v.positiveCount / v.rowCount).toBeLessThan(0.03);
    const csv = zlib.gunzipSync(Buffer.from(v.content)).toString('utf8');
    expect(csv.split('\n')[0]).toBe('trans_date_trans_time,cc_num,merchant,category,amt,first,last,gender,street,city,state,zip,lat,long,city_pop,job,dob,trans_num,unix_time,merch_lat,merch_long,is_fraud');
    expect(v.sha256).toMatch(/^[0-9a-f]{64}$/);
    const serving = await db().modelVersion.findMany({ where: { stage: 'production', model: { name: { in: ['email-default', 'transaction-default', 'credit-default', 'fake-users-default'] } } }, select: { servingSlot: true } });
    // Other suites promote their own email and transaction models; the seed-route models are the seed's alone.
    expect(serving.map((s) => s.servingSlot)).toEqual(expect.arrayContaining(['tabular:credit-default', 'tabular:fake-users-default']));
  });
});
