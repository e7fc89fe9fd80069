import { PredictBody } from '@/lib/schemas/compat-scoring';
import { compatCaller } from '@/lib/server/compat/auth';
import { predictFakeUsers } from '@/lib/server/compat/scoring';
import { json, readJson, route } from '@/lib/server/http';

/** Seed 004: { UserId: [], Event: [], Category: [] } in, { UserId, is_fake_probability } out. */
export const POST = route(async (req) => {
  await compatCaller(req);
  // Seed 004 documents this request without a Content-Type, so any type is read as JSON here.
  const body = await readJson(req, PredictBody, 5_000_000, { anyContentType: true });
  return json(await predictFakeUsers(body));
});
