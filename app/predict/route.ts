import { CompatApi } from '@/lib/server/api/compat';
import { checkRecordCount, compatLimits } from '@/lib/server/compat/anonymous-limits';
import { compatCaller } from '@/lib/server/compat/auth';
import { predictFakeUsers } from '@/lib/server/compat/scoring';
import { handle } from '@/lib/server/platform/api-route';

/** Seed 004: { UserId: [], Event: [], Category: [] } in, { UserId, is_fake_probability } out (read as JSON whatever the Content-Type). */
export const POST = handle(CompatApi.predict, async ({ req, readBody }) => {
  const limits = compatLimits(req, await compatCaller(req), { maxBodyBytes: CompatApi.predict.bodyLimit, maxRecords: 100_000 });
  const body = await readBody(limits.maxBodyBytes);
  checkRecordCount(body.UserId.length, limits, 'events');
  return predictFakeUsers(body);
});
