// Email scoring for the live tester, the API and seed 000. Saved checks become stored, reviewable items.
import crypto from 'node:crypto';
import { EmailAddress, type ScoreEmailInput } from '@/lib/schemas/scoring';
import { db } from '../platform/db';
import { forbidden, zodFields } from '../platform/http';
import type { Principal } from '../access/principal';
import { can } from '../access/rbac';
import { explain, scorerFor, type ScoreResult } from './scoring';

/** `occurredAt` (default now) dates a saved check: the demo replays past days through this same path. */
export async function scoreEmail(input: ScoreEmailInput, actor: Principal | null, opts: { occurredAt?: Date } = {}): Promise<ScoreResult & { email: string; savedId?: string }> {
  const scorer = await scorerFor('email', input.modelVersionId);
  const result = { email: input.email, ...explain(scorer, { email: input.email }) };
  if (!input.save) return result;
  if (!actor || !can(actor.role, 'score:save')) throw forbidden('Your role can test addresses but not save them.');
  const saved = await db().transaction.create({
    data: {
      externalId: `email:${crypto.randomUUID()}`, occurredAt: opts.occurredAt ?? new Date(), email: input.email, payload: { email: input.email, source: 'tester', by: actor.label } as never,
      score: result.calibratedProbability, modelVersionId: result.modelVersionId, decision: result.decision, reasons: result.reasons as never,
    },
    select: { id: true },
  });
  return { ...result, savedId: saved.id };
}

/** Per-record results: a bad address gets its own error, the others are still scored. */
export async function scoreEmailBatch(emails: unknown[], modelVersionId?: string) {
  const scorer = await scorerFor('email', modelVersionId);
  const results = emails.map((raw, index) => {
    const parsed = EmailAddress.safeParse(typeof raw === 'object' && raw !== null && 'email' in raw ? (raw as { email: unknown }).email : raw);
    if (!parsed.success) return { index, error: { code: 'invalid_record', fields: zodFields(parsed.error) } };
    return { index, email: parsed.data, ...explain(scorer, { email: parsed.data }) };
  });
  return { results, modelVersionId: scorer.versionId };
}
