import { PredictBody } from '@/lib/schemas/compat-scoring';
import { checkRecordCount, compatLimits } from '@/lib/server/compat/anonymous-limits';
import { compatCaller } from '@/lib/server/compat/auth';
import { predictFakeUsers } from '@/lib/server/compat/scoring';
import { json, readJson, route } from '@/lib/server/http';

/** Seed 004: { UserId: [], Event: [], Category: [] } in, { UserId, is_fake_probability } out. */
export const POST = route(async (req) => {
  const limits = compatLimits(req, await compatCaller(req), { maxBodyBytes: 5_000_000, maxRecords: 100_000 });
  // Seed 004 documents this request without a Content-Type, so any type is read as JSON here.
  const body = await readJson(req, PredictBody, limits.maxBodyBytes, { anyContentType: true });
  checkRecordCount(body.UserId.length, limits, 'events');
  return json(await predictFakeUsers(body));
});
