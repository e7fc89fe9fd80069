import { ScoringApi } from '@/lib/server/api/scoring';
import { handle } from '@/lib/server/platform/api-route';
import { scoreEmailBatch } from '@/lib/server/compat/score-email';

export const POST = handle(ScoringApi.emailBatch, async ({ body }) => scoreEmailBatch(body.emails, body.modelVersionId));
