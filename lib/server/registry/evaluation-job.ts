// The worker side of "Evaluate on…": a child process per job does the scoring and the bootstrap (long synchronous
// work), so the worker's event loop keeps heartbeating the lease; progress is relayed to the job row.
import { fork } from 'node:child_process';
import path from 'node:path';
import { EvaluateRequest, type EvaluationResult } from '@/lib/schemas/evaluation';
import type { EvaluateJobPayload } from './evaluation';
import { childLogger } from '../platform/logger';
import type { JobHandler } from '../platform/worker';
import { PermanentJobError } from '../platform/worker';

const log = childLogger('evaluation');

export type EvaluationChildMessage =
  | { type: 'progress'; fraction: number; message: string }
  | { type: 'result'; result: EvaluationResult }
  | { type: 'error'; message: string; permanent: boolean };

export const evaluateJob: JobHandler = async (job, ctx) => {
  const raw = job.payload as unknown as EvaluateJobPayload;
  // Checked here so a malformed job fails at once, without a child; the child parses it again (dates travel as strings).
  const parsed = EvaluateRequest.safeParse(raw?.request);
  if (!parsed.success || !raw.target) throw new PermanentJobError(`Invalid evaluation request: ${parsed.error?.issues[0]?.message ?? 'no holdout target'}`);

  const child = fork(path.resolve('scripts/evaluate-child.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: process.env });
  ctx.signal.addEventListener('abort', () => child.kill('SIGKILL'), { once: true });
  let lastReport = 0;
  try {
    const result = await new Promise<EvaluationResult>((resolve, reject) => {
      child.on('message', (msg: EvaluationChildMessage) => {
        if (msg.type === 'progress' && Date.now() - lastReport > 300) {
          lastReport = Date.now();
          void ctx.progress(msg.fraction, msg.message).catch(() => child.kill('SIGKILL'));
        } else if (msg.type === 'result') {
          resolve(msg.result);
        } else if (msg.type === 'error') {
          reject(msg.permanent ? new PermanentJobError(msg.message) : new Error(msg.message));
        }
      });
      child.once('exit', (code, signal) => reject(new Error(ctx.signal.aborted ? 'Evaluation stopped' : `Evaluation process exited (${signal ?? code})`)));
      child.send(raw);
    });
    log.info({ jobId: job.id, rows: result.holdout.rows, versions: result.versions.length, ms: result.durationMs }, 'versions evaluated');
    return result;
  } finally {
    child.kill();
  }
};
