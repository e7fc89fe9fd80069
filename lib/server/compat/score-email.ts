// Email scoring for the live tester, the API and seed 000, as a thin mapping onto the built-in email event type.
// Saved checks become stored, reviewable email events.
import crypto from 'node:crypto';
import { EmailAddress, type ScoreEmailInput } from '@/lib/schemas/scoring';
import { db } from '../platform/db';
import { forbidden, zodFields } from '../platform/http';
import type { Principal } from '../access/principal';
import { can } from '../access/rbac';
import { scoreEvents } from '../events';
import { type ScoreResult, toScoreResult } from '../decisions/scoring';

const EMAIL_TYPE = 'email';

type EventScore = ScoreResult & { index: number };

/** `occurredAt` (default now) dates a saved check: the demo replays past days through this same path. */
export async function scoreEmail(input: ScoreEmailInput, actor: Principal | null, opts: { occurredAt?: Date } = {}): Promise<ScoreResult & { email: string; savedId?: string }> {
  const occurredAt = opts.occurredAt ?? new Date();
  const scored = (await scoreEvents(EMAIL_TYPE, { event: { email: input.email, received_at: occurredAt.toISOString() }, modelVersionId: input.modelVersionId })) as unknown as EventScore;
  const result = { email: input.email, ...toScoreResult(scored) };
  if (!input.save) return result;
  if (!actor || !can(actor.role, 'score:save')) throw forbidden('Your role can test addresses but not save them.');
  // Each saved check is its own item (the same address may be checked again), so it gets its own id.
  const saved = await db().event.create({
    data: {
      eventType: EMAIL_TYPE, typeVersion: 1, externalId: `email:${crypto.randomUUID()}`, occurredAt,
      payload: { email: input.email, received_at: occurredAt.toISOString(), source: 'tester', by: actor.label } as never,
      score: result.calibratedProbability, modelVersionId: result.modelVersionId, decision: result.decision, reasons: result.reasons as never,
      entities: { create: [{ eventType: EMAIL_TYPE, entity: 'email', key: input.email, occurredAt }] },
    },
    select: { id: true },
  });
  return { ...result, savedId: saved.id };
}

/** Per-record results: a bad address gets its own error, the others are still scored. */
export async function scoreEmailBatch(emails: unknown[], modelVersionId?: string) {
  const checked = emails.map((raw) => EmailAddress.safeParse(typeof raw === 'object' && raw !== null && 'email' in raw ? (raw as { email: unknown }).email : raw));
  const valid = checked.flatMap((c, index) => (c.success ? [{ index, email: c.data }] : []));
  const scored = await scoreEvents(EMAIL_TYPE, { events: valid.map((v) => ({ email: v.email })), modelVersionId });
  const byIndex = new Map((('results' in scored ? scored.results : undefined) ?? []).flatMap((r) => ('error' in r ? [] : [[r.index, r as unknown as EventScore] as const])));
  const position = new Map(valid.map((v, k) => [v.index, k]));
  const results = checked.map((c, index) => (c.success
    ? { index, email: c.data, ...toScoreResult(byIndex.get(position.get(index)!)!) }
    : { index, error: { code: 'invalid_record', fields: zodFields(c.error) } }));
  return { results, modelVersionId: scored.modelVersionId! };
}
