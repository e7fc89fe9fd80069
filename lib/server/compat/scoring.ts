// The seeds' scoring routes, answered by Vigil's serving models:
// seed 000 (email, task-style), seed 001 (credit records → probabilities), seed 004 (events → per-user probability).
import type { z } from 'zod';
import { aggregateEvents } from '@/lib/data/aggregate';
import type { TabularSpec } from '@/lib/ml/features';
import type { FraudDetectionBody, PredictBody } from '@/lib/schemas/compat-scoring';
import { db } from '../platform/db';
import { notFound } from '../platform/http';
import { scorerFor } from '../decisions/scoring';
import { COMPAT_MODELS } from './models';
import { scoreEmail } from './score-email';

/** Seed 000 answers with a task id; scoring is immediate here, so the task is born finished. */
export async function predictEmailTask(email: string) {
  const result = await scoreEmail({ email, save: false }, null);
  const job = await db().job.create({
    data: { type: 'score.email', payload: { email } as never, status: 'succeeded', progress: 1, attempts: 1, finishedAt: new Date(), result: { proba: result.probability, email, modelVersionId: result.modelVersionId } as never },
    select: { id: true },
  });
  return { task_id: job.id };
}

export async function emailTaskResult(id: string) {
  const job = await db().job.findUnique({ where: { id }, select: { type: true, result: true } });
  if (!job || job.type !== 'score.email') throw notFound(`Task '${id}'`);
  const { proba, email } = job.result as { proba: number; email: string };
  return { proba, email };
}

export async function fraudDetection(records: z.infer<typeof FraudDetectionBody>): Promise<number[]> {
  const scorer = await scorerFor('tabular', undefined, COMPAT_MODELS.credit);
  return Array.from(scorer.model.scoreRows(records));
}

/** Aggregates the events per user with the vocabulary the model was trained on, then scores each user. */
export async function predictFakeUsers(body: z.infer<typeof PredictBody>) {
  const scorer = await scorerFor('tabular', undefined, COMPAT_MODELS.fakeUsers);
  const featureSpec = scorer.model.model.featureSpec;
  if (featureSpec.kind !== 'tabular') throw new Error(`${COMPAT_MODELS.fakeUsers} is not a tabular model`);
  const spec: TabularSpec = featureSpec.tabular;
  const vocab: Record<string, string[]> = {};
  for (const name of [...spec.columns.map((c) => c.name), ...spec.dropped.map((d) => d.name)]) {
    const [column, value] = name.split('=');
    if (value !== undefined) (vocab[column] ??= []).push(value);
  }
  const events = body.UserId.map((user, i) => ({ UserId: String(user), Event: String(body.Event[i]), Category: String(body.Category[i]) }));
  const { rows } = aggregateEvents(events, { by: 'UserId', vocab });
  const p = scorer.model.scoreRows(rows);
  const order = [...new Set(events.map((e) => e.UserId))];
  const byUser = new Map(rows.map((r, i) => [String(r.UserId), p[i]]));
  return { UserId: order.map((u) => (typeof body.UserId[0] === 'number' ? Number(u) : u)), is_fake_probability: order.map((u) => byUser.get(u) ?? null) };
}
