import { CompatApi } from '@/lib/server/api/compat';
import { checkRecordCount, compatLimits } from '@/lib/server/compat/anonymous-limits';
import { compatCaller } from '@/lib/server/compat/auth';
import { fraudDetection } from '@/lib/server/compat/scoring';
import { handle } from '@/lib/server/platform/api-route';

/** Seed 001: a list of credit records in, a list of fraud probabilities out. */
export const POST = handle(CompatApi.fraudDetection, async ({ req, readBody }) => {
  const limits = compatLimits(req, await compatCaller(req), { maxBodyBytes: CompatApi.fraudDetection.bodyLimit, maxRecords: 1_000 });
  const records = await readBody(limits.maxBodyBytes);
  checkRecordCount(records.length, limits);
  return fraudDetection(records);
});
