import { FraudDetectionBody } from '@/lib/schemas/compat-scoring';
import { compatCaller } from '@/lib/server/compat/auth';
import { fraudDetection } from '@/lib/server/compat/scoring';
import { json, readJson, route } from '@/lib/server/http';

/** Seed 001: a list of credit records in, a list of fraud probabilities out. */
export const POST = route(async (req) => {
  await compatCaller(req);
  const records = await readJson(req, FraudDetectionBody, 1_000_000);
  return json(await fraudDetection(records));
});
