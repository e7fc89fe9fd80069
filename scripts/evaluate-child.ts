// The evaluation process: receives one EvaluateJobPayload over IPC, scores every version on the holdout,
// bootstraps the metrics, and sends progress and the result back. It dies with its parent (IPC disconnect).
import { EvaluateRequest } from '@/lib/schemas/evaluation';
import type { EvaluateJobPayload } from '@/lib/server/registry/evaluation';
import type { EvaluationChildMessage } from '@/lib/server/registry/evaluation-job';
import { EvaluationDataError, runEvaluation } from '@/lib/server/registry/evaluation-run';
import { ApiError } from '@/lib/server/platform/http';

const send = (msg: EvaluationChildMessage) => process.send?.(msg);
process.on('disconnect', () => process.exit(1));

process.once('message', async (raw: EvaluateJobPayload) => {
  try {
    const request = EvaluateRequest.parse(raw.request);
    const result = await runEvaluation({ ...raw, request }, (fraction, message) => { send({ type: 'progress', fraction, message }); });
    send({ type: 'result', result });
  } catch (err) {
    // Data problems and 4xx answers (a version gone, a kind that cannot be replayed) will not change on a retry.
    const permanent = err instanceof EvaluationDataError || (err instanceof ApiError && err.status < 500);
    send({ type: 'error', message: err instanceof Error ? err.message : String(err), permanent });
  }
});
