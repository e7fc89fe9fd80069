// What the supervisor in `npm start` knows about its worker, shared with the web process through a small
// file in VIGIL_DATA_DIR (the heartbeat table says whether a worker is alive; this says how it has fared).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const WorkerStatus = z.object({
  state: z.enum(['running', 'restarting', 'stopped']),
  pid: z.number().int().nullable(),
  restarts: z.number().int().min(0),
  startedAt: z.string().nullable(),
  lastExit: z.object({ code: z.number().int().nullable(), signal: z.string().nullable(), at: z.string() }).nullable(),
  nextStartAt: z.string().nullable(),
});
export type WorkerStatus = z.infer<typeof WorkerStatus>;

export const workerStatusFile = (dataDir: string) => path.resolve(dataDir, 'worker-status.json');

export function writeWorkerStatus(file: string, status: WorkerStatus) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(status));
  fs.renameSync(tmp, file);
}

/** The status, or null when no supervisor runs here (`npm run worker` by hand, several hosts). */
export function readWorkerStatus(file: string): WorkerStatus | null {
  try {
    const parsed = WorkerStatus.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
