// Job type → handler. The worker runs exactly the types listed here.
import { z } from 'zod';
import { driftSnapshotJob } from '../lib/server/monitoring/drift';
import { evaluateJob } from '../lib/server/registry/evaluation-job';
import { checkRetrainTriggers } from '../lib/server/monitoring/retrain';
import { checkEventTypeEstimates } from '../lib/server/monitoring/estimate-alerts';
import { checkPerformanceTargets } from '../lib/server/monitoring/performance';
import { trainJob } from '../lib/server/registry/training-job';
import { deliverWebhookJob } from '../lib/server/alerts/webhooks';
import type { JobHandler } from '../lib/server/platform/worker';
import { PermanentJobError } from '../lib/server/platform/worker';

const SleepPayload = z.object({ ms: z.number().int().min(0).max(600_000), steps: z.number().int().min(1).max(1000).default(10) });

/** A trivial job that sleeps in steps and reports progress: proves leasing, heartbeat and recovery. */
export const sleepJob: JobHandler = async (job, ctx) => {
  const parsed = SleepPayload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError(`Invalid payload: ${parsed.error.issues[0]?.message}`);
  const { ms, steps } = parsed.data;
  for (let i = 1; i <= steps; i++) {
    await new Promise((resolve) => setTimeout(resolve, ms / steps));
    if (ctx.signal.aborted) break;
    await ctx.progress(i / steps, `step ${i} of ${steps}`);
  }
  return { slept: ms };
};

export const JOB_HANDLERS: Record<string, JobHandler> = {
  'demo.sleep': sleepJob,
  train: trainJob,
  evaluate: evaluateJob,
  'webhook.deliver': deliverWebhookJob,
  'performance.check': async () => ({
    alerts: (await Promise.all((['transaction', 'email'] as const).map((k) => checkPerformanceTargets(k)))).filter(Boolean),
    estimateAlerts: await checkEventTypeEstimates(),
  }),
  'drift.snapshot': driftSnapshotJob,
  'retrain.check': async () => ({ outcomes: await checkRetrainTriggers() }),
};
