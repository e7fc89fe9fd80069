import { FraudDetectionBody } from '@/lib/schemas/compat-scoring';
import { checkRecordCount, compatLimits } from '@/lib/server/compat/anonymous-limits';
import { compatCaller } from '@/lib/server/compat/auth';
import { fraudDetection } from '@/lib/server/compat/scoring';
import { json, readJson, route } from '@/lib/server/http';

/** Seed 001: a list of credit records in, a list of fraud probabilities out. */
export const POST = route(async (req) => {
  const limits = compatLimits(req, await compatCaller(req), { maxBodyBytes: 1_000_000, maxRecords: 1_000 });
  const records = await readJson(req, FraudDetectionBody, limits.maxBodyBytes);
  checkRecordCount(records.length, limits);
  return json(await fraudDetection(records));
});
