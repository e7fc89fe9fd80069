// Seed 000 (the email fraud service): its model-registry routes, answered from Vigil's registry.
import type { Metrics } from '@/lib/ml/metrics';
import type { Seed000TrainBody } from '@/lib/schemas/compat';
import { TrainRequest } from '@/lib/schemas/training';
import { db } from '../platform/db';
import { ApiError, badRequest, notFound, zodFields } from '../platform/http';
import { setStage } from '../registry/models';
import type { Principal } from '../access/principal';
import { createTrainingJob } from '../registry/training';

type VersionRow = { id: string; version: number; stage: string; params: unknown; metrics: unknown; createdAt: Date; jobId: string | null; model: { name: string } };

const SELECT = { id: true, version: true, stage: true, params: true, metrics: true, createdAt: true, jobId: true, model: { select: { name: true } } } as const;

const pad = (n: number) => String(n).padStart(2, '0');
const trainDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

function accuracy(metrics: unknown): number {
  const c = (metrics as Metrics)?.confusion;
  if (!c) return 0;
  const n = c.tp + c.fp + c.tn + c.fn;
  return n ? Math.round((1000 * (c.tp + c.tn)) / n) / 1000 : 0;
}

/** Our params, named the way seed 000's clients expect them. */
function seedParams(v: VersionRow, tfIdf?: unknown) {
  const p = (v.params ?? {}) as Record<string, unknown>;
  return {
    model_params: { n_estimators: p.rounds ?? p.trees, learning_rate: p.learningRate ?? null, max_depth: p.depth },
    tf_idf_params: tfIdf ?? { ngram_range: [1, 5], strip_accents: 'unicode', analyzer: 'char', max_features: 1024 },
  };
}

async function tfIdfOf(v: VersionRow) {
  if (!v.jobId) return undefined;
  const job = await db().job.findUnique({ where: { id: v.jobId }, select: { payload: true } });
  return (job?.payload as { compat?: { tf_idf_params?: unknown } })?.compat?.tf_idf_params;
}

async function describe(v: VersionRow) {
  return {
    id: v.id,
    name: v.version > 1 ? `${v.model.name}-v${v.version}` : v.model.name,
    accuracy: accuracy(v.metrics),
    train_date: trainDate(v.createdAt),
    serving: v.stage === 'production',
    params: seedParams(v, await tfIdfOf(v)),
  };
}

export async function registryAll() {
  const versions = await db().modelVersion.findMany({ where: { kind: 'email' }, orderBy: { createdAt: 'asc' }, select: SELECT });
  return Promise.all(versions.map(describe));
}

/** `default` names the model trained at start-up (the demo's email-default), as in the seed. */
export async function registryOne(id: string) {
  const v = id === 'default'
    ? await db().modelVersion.findFirst({ where: { kind: 'email', model: { name: 'email-default' } }, orderBy: { version: 'asc' }, select: SELECT })
    : await db().modelVersion.findFirst({ where: { id, kind: 'email' }, select: SELECT });
  if (!v) throw notFound(`Model '${id}'`);
  return describe(v);
}

export async function trainFromSeedBody(body: Seed000TrainBody, actor: Principal | null) {
  const dataset = await db().datasetVersion.findFirst({ where: { dataset: { kind: 'email' } }, orderBy: { createdAt: 'desc' }, select: { id: true } });
  if (!dataset) throw new ApiError(422, 'no_dataset', 'There is no email dataset to train on; import one first.');
  const mp = body.model_params.model_params;
  const algorithm = body.model_type === 'RandomForest' ? 'forest' : 'gbdt';
  const params = algorithm === 'gbdt'
    ? { ...(mp.n_estimators ? { rounds: mp.n_estimators } : {}), ...(mp.learning_rate ? { learningRate: mp.learning_rate } : {}), ...(mp.max_depth ? { depth: mp.max_depth } : {}), ...(mp.subsample ? { subsample: mp.subsample } : {}) }
    : { ...(mp.n_estimators ? { trees: mp.n_estimators } : {}), ...(mp.max_depth ? { depth: mp.max_depth } : {}) };
  // The compat schema mirrors TrainRequest's bounds; this keeps a future drift between them a 400, not a 500.
  const parsed = TrainRequest.safeParse({ datasetVersionId: dataset.id, modelName: body.name, kind: 'email', algorithm, params });
  if (!parsed.success) throw badRequest('Training parameters are out of range.', zodFields(parsed.error));
  const request = parsed.data;
  const job = await createTrainingJob(request, actor, { tf_idf_params: body.model_params.tf_idf_params });
  return { task_id: job.id, message: `Model '${body.name}' of type '${body.model_type}' received and will be trained.` };
}

export async function trainTask(taskId: string) {
  const job = await db().job.findUnique({ where: { id: taskId } });
  if (!job || job.type !== 'train') throw notFound(`Task '${taskId}'`);
  if (job.status === 'succeeded') {
    const id = (job.result as { modelVersionId?: string })?.modelVersionId;
    const v = id ? await db().modelVersion.findUnique({ where: { id }, select: SELECT }) : null;
    if (v) return { status: 200, body: await describe(v) };
  }
  const state = { queued: 'PENDING', running: 'STARTED', failed: 'FAILURE', cancelled: 'REVOKED', succeeded: 'SUCCESS' }[job.status] ?? 'PENDING';
  return { status: 200, body: { task_id: job.id, status: state, progress: job.progress, ...(job.error ? { error: job.error } : {}) } };
}

export async function setMain(id: string, actor: Principal | null) {
  const v = await db().modelVersion.findFirst({ where: { id, kind: 'email' }, select: { id: true, stage: true } });
  if (!v) throw notFound(`Model '${id}'`);
  if (v.stage !== 'production') await setStage(id, 'production', 'Set as main model through the seed-000 API', actor);
  return { message: `Model '${id}' is now the main model for prediction.` };
}
