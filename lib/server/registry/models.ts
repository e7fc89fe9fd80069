// The model registry: versions, stages and governed promotion. At most one production and one shadow
// version per serving slot (the kind; kind:model for tabular): enforced by partial unique indexes, and
// each change is one audited transaction.
import { isLegacyKind, LEGACY_KIND_TYPES } from '@/lib/schemas/scope';
import zlib from 'node:zlib';
import { loadModel, type LoadedModel, type TrainedModel } from '@/lib/ml/model';
import type { ModelStage } from '@/lib/schemas/models';
import { recordAudit } from '../access/audit';
import { db } from '../platform/db';
import { ApiError, conflict, notFound } from '../platform/http';
import type { Principal } from '../access/principal';
import { lockForTransaction } from '../platform/tx-lock';
import type { VersionMetrics, VersionSummary } from '@/lib/schemas/responses/models';
import type { Served } from '@/lib/schemas/responses/served';

const SUMMARY = {
  id: true, modelId: true, version: true, kind: true, servingSlot: true, algorithm: true, stage: true, metrics: true, threshold: true,
  reviewThreshold: true, blockThreshold: true, datasetVersionId: true, trainedByLabel: true, trainingMs: true,
  createdAt: true, promotedAt: true, note: true, evalSetKey: true, jobId: true,
} as const;

/** Tabular models each have their own columns, so each gets its own slot; other kinds share one. */
/** Card and email models serve their built-in event type's slot, next to event models of that type. */
export function servingSlot(kind: string, modelName: string): string {
  if (kind === 'tabular') return `tabular:${modelName}`;
  return isLegacyKind(kind) ? `event:${LEGACY_KIND_TYPES[kind]}` : kind;
}

/** The event type a version of an older kind belongs to (its items live there since event types). */
const legacyType = (kind: string) => (isLegacyKind(kind) ? { name: LEGACY_KIND_TYPES[kind], version: 1 } : null);

export interface RegisterInput {
  trained: TrainedModel;
  modelName: string;
  datasetVersionId?: string | null;
  actor?: Principal | null;
  jobId?: string | null;
  evalSetKey?: string | null;
  log?: string[];
  /** Event models: the type and definition version trained on; they serve in the slot event:<type>. */
  eventType?: { name: string; version: number } | null;
  /** The run's wall time when a job trained it (data loading included); else the fit's own duration. */
  trainingMs?: number;
}

export async function registerVersion(input: RegisterInput) {
  const { trained } = input;
  const model = await db().model.upsert({ where: { name: input.modelName }, create: { name: input.modelName, kind: trained.kind }, update: {} });
  if (model.kind !== trained.kind) throw new ApiError(422, 'kind_mismatch', `Model "${model.name}" holds ${model.kind} versions, not ${trained.kind}.`);
  for (let attempt = 0; ; attempt++) {
    const last = await db().modelVersion.findFirst({ where: { modelId: model.id }, orderBy: { version: 'desc' }, select: { version: true } });
    try {
      const version = await db().modelVersion.create({
        data: {
          modelId: model.id, version: (last?.version ?? 0) + 1, kind: trained.kind, algorithm: trained.algorithm,
          servingSlot: input.eventType ? `event:${input.eventType.name}` : servingSlot(trained.kind, model.name),
          eventType: (input.eventType ?? legacyType(trained.kind))?.name ?? null, eventTypeVersion: (input.eventType ?? legacyType(trained.kind))?.version ?? null,
          params: trained.params as never, featureSpec: trained.featureSpec as never,
          artifact: zlib.gzipSync(JSON.stringify(trained)), metrics: trained.metrics as never,
          threshold: trained.threshold, reviewThreshold: trained.bands.review, blockThreshold: trained.bands.block,
          importances: trained.featureImportance as never, baseline: trained.baseline as never,
          datasetVersionId: input.datasetVersionId ?? null, trainedById: input.actor?.id ?? null,
          trainedByLabel: input.actor?.label ?? 'system', trainingMs: input.trainingMs ?? trained.training.durationMs,
          jobId: input.jobId ?? null, evalSetKey: input.evalSetKey ?? null, trainingLog: (input.log ?? []) as never,
        },
        select: SUMMARY,
      });
      await recordAudit(input.actor ?? null, { action: 'model.register', targetType: 'modelVersion', targetId: version.id, after: { model: model.name, version: version.version } });
      return version;
    } catch (err) {
      // Two registrations raced for the same version number: take the next one.
      if (attempt < 3 && (err as { code?: string }).code === 'P2002') continue;
      throw err;
    }
  }
}

/** Models grouped by kind, each with its production version and its best candidate by PR-AUC (GET /api/models checks it against ModelList). */
export async function listModels() {
  const models = await db().model.findMany({ orderBy: [{ kind: 'asc' }, { name: 'asc' }], include: { versions: { select: SUMMARY, orderBy: { version: 'desc' } } } });
  return models.map((row) => {
    const m = { ...row, versions: row.versions.map(versionSummary) };
    const candidates = m.versions.filter((v) => v.stage === 'candidate');
    const best = candidates.reduce<(typeof candidates)[number] | null>((a, v) => (!a || prAuc(v) > prAuc(a) ? v : a), null);
    return { id: m.id, name: m.name, kind: m.kind, versions: m.versions, production: m.versions.find((v) => v.stage === 'production') ?? null, bestCandidate: best };
  });
}

/** stage and metrics are columns this module writes, in the contract's shape (lib/schemas/responses/models). */
const versionSummary = <V extends { stage: string; metrics: unknown }>(v: V) => ({ ...v, stage: v.stage as ModelStage, metrics: v.metrics as VersionMetrics });

const prAuc = (v: { metrics: unknown }) => Number((v.metrics as { averagePrecision?: number | null })?.averagePrecision ?? 0);

export async function getVersion(id: string) {
  const v = await db().modelVersion.findUnique({
    where: { id },
    select: { ...SUMMARY, params: true, featureSpec: false, importances: true, baseline: true, trainingLog: true, model: { select: { id: true, name: true } }, datasetVersion: { select: { id: true, version: true, dataset: { select: { name: true } } } } },
  });
  if (!v) throw notFound('Model version');
  return versionSummary(v);
}

export async function versionHistory(id: string) {
  return db().auditEvent.findMany({ where: { targetType: 'modelVersion', targetId: id }, orderBy: { at: 'desc' }, take: 100 });
}

const loaded = new Map<string, LoadedModel>();

/** Versions are immutable, so a loaded scorer is cached by id for the life of the process. */
export async function loadVersion(id: string): Promise<LoadedModel> {
  const hit = loaded.get(id);
  if (hit) return hit;
  const row = await db().modelVersion.findUnique({ where: { id }, select: { artifact: true } });
  if (!row) throw notFound('Model version');
  const model = loadModel(zlib.gunzipSync(Buffer.from(row.artifact)).toString('utf8'));
  loaded.set(id, model);
  return model;
}

export async function artifactJson(id: string): Promise<string> {
  const row = await db().modelVersion.findUnique({ where: { id }, select: { artifact: true } });
  if (!row) throw notFound('Model version');
  return zlib.gunzipSync(Buffer.from(row.artifact)).toString('utf8');
}

/**
 * Moves a version to a stage. Entering production or shadow demotes the kind's current holder (production →
 * archived, shadow → candidate) in the same transaction. A lost race retries on the new state.
 */
export async function setStage(id: string, stage: ModelStage, note: string | null, actor: Principal | null): Promise<Served<typeof VersionSummary>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db().$transaction(async (tx) => {
        const v = await tx.modelVersion.findUnique({ where: { id }, select: { id: true, servingSlot: true, stage: true, version: true } });
        if (!v) throw notFound('Model version');
        // Concurrent promotions in one slot queue here; without it Postgres may deadlock on the two updates.
        await lockForTransaction(tx, `serving-slot:${v.servingSlot}`);
        if (v.stage === stage) throw conflict(`Version is already in ${stage}.`);
        let displaced: string | null = null;
        if (stage === 'production' || stage === 'shadow') {
          const holder = await tx.modelVersion.findFirst({ where: { servingSlot: v.servingSlot, stage, NOT: { id } }, select: { id: true } });
          if (holder) {
            displaced = holder.id;
            await tx.modelVersion.update({ where: { id: holder.id }, data: { stage: stage === 'production' ? 'archived' : 'candidate' } });
            await recordAudit(actor, { action: `model.${stage === 'production' ? 'archive' : 'unshadow'}`, targetType: 'modelVersion', targetId: holder.id, before: { stage }, after: { stage: stage === 'production' ? 'archived' : 'candidate', replacedBy: id }, }, tx);
          }
        }
        const updated = await tx.modelVersion.update({
          where: { id },
          data: { stage, note, ...(stage === 'production' ? { promotedAt: new Date() } : {}) },
          select: SUMMARY,
        });
        await recordAudit(actor, { action: stage === 'production' ? 'model.promote' : `model.stage.${stage}`, targetType: 'modelVersion', targetId: id, before: { stage: v.stage }, after: { stage, note, displaced } }, tx);
        return versionSummary(updated);
      });
    } catch (err) {
      if (attempt < 5 && (isUniqueViolation(err) || isWriteConflict(err))) continue;
      throw err;
    }
  }
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === 'P2002' || /unique/i.test(String((err as Error)?.message));
/** Prisma's P2034: a write conflict or deadlock; the transaction may simply be run again. */
const isWriteConflict = (err: unknown) => (err as { code?: string }).code === 'P2034' || /deadlock/i.test(String((err as Error)?.message));

/** One click back: the slot's previous production version serves again; the current one is archived. */
export async function rollback(slot: string, note: string | null, actor: Principal | null) {
  const current = await db().modelVersion.findFirst({ where: { servingSlot: slot, stage: 'production' }, select: { id: true } });
  const name = slot.replace(/^(event|tabular):/, '');
  if (!current) throw conflict(`No ${name} version is in production, so there is nothing to roll back.`);
  const previous = await db().modelVersion.findFirst({
    where: { servingSlot: slot, promotedAt: { not: null }, NOT: { id: current.id } },
    orderBy: { promotedAt: 'desc' },
    select: { id: true },
  });
  if (!previous) throw conflict(`No earlier ${name} version has been in production.`);
  return setStage(previous.id, 'production', note ?? 'Rolled back', actor);
}

export async function productionVersionId(slot: string): Promise<string | null> {
  return (await db().modelVersion.findFirst({ where: { servingSlot: slot, stage: 'production' }, select: { id: true } }))?.id ?? null;
}
