// Monitoring inputs: backtests, thresholds, per-kind settings. Shared by route handlers and forms.
import { z } from 'zod';
import { safeString, saneDate } from './common';
import { EventTypeName } from './event-types';
import { Kind } from './models';

export const KindParam = z.object({ kind: Kind }).strict();
/** Settings are kept per kind, or per event type under the key event:<type> (its serving slot). */
export const SettingsKey = z.union([Kind, safeString(47).regex(/^event:[a-z][a-z0-9_]{1,40}$/, 'A kind (email, transaction, tabular) or event:<event type>.')]);
export type SettingsKey = z.infer<typeof SettingsKey>;
export const SettingsKeyParam = z.object({ kind: SettingsKey }).strict();
export const KindQuery = z.object({ kind: Kind.default('transaction'), days: z.coerce.number().int().min(1).max(365).default(30) }).strict();
/** Monitoring of a kind, or of an event type (champion vs challenger, labelled performance). */
export const ShadowQuery = KindQuery.extend({ eventType: EventTypeName.optional() });
export type KindQuery = z.infer<typeof KindQuery>;

export const BacktestInput = z
  .object({
    from: z.coerce.date().pipe(saneDate()).optional(),
    to: z.coerce.date().pipe(saneDate()).optional(),
    limit: z.number().int().min(1).max(100_000).default(20_000),
  })
  .strict()
  .refine((b) => !b.from || !b.to || b.from < b.to, { message: '`from` must be before `to`.', path: ['to'] });
export type BacktestInput = z.infer<typeof BacktestInput>;

const prob = z.number().min(0).max(1);
export const ThresholdsInput = z
  .object({ threshold: prob, reviewThreshold: prob, blockThreshold: prob })
  .strict()
  .refine((t) => t.reviewThreshold <= t.blockThreshold, { message: 'Review must be ≤ block.', path: ['blockThreshold'] })
  .refine((t) => t.reviewThreshold <= t.threshold && t.threshold <= t.blockThreshold, { message: 'The threshold must lie inside the review band.', path: ['threshold'] });
export type ThresholdsInput = z.infer<typeof ThresholdsInput>;

export const MonitorSettingsInput = z
  .object({
    psiWarn: z.number().min(0.01).max(5),
    psiAlert: z.number().min(0.01).max(5),
    driftShare: z.number().min(0.01).max(1),
    precisionTarget: prob.nullable(),
    recallTarget: prob.nullable(),
    minLabels: z.number().int().min(1).max(100_000),
    retrainEnabled: z.boolean(),
    retrainOnDrift: z.boolean(),
    retrainNewLabels: z.number().int().min(1).max(10_000_000),
    /** Expected production fraud rate; null = estimated from scored traffic, else the kind's default or the training rate. */
    expectedFraudRate: z.number().min(0.00001).max(0.99999).nullable(),
  })
  .partial()
  .strict()
  .refine((s) => s.psiWarn === undefined || s.psiAlert === undefined || s.psiWarn <= s.psiAlert, { message: 'psiWarn must be ≤ psiAlert.', path: ['psiAlert'] });
export type MonitorSettingsInput = z.infer<typeof MonitorSettingsInput>;
