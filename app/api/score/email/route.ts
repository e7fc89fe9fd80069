import { ScoringApi } from '@/lib/server/api/scoring';
import { handle } from '@/lib/server/platform/api-route';
import { scoreEmail } from '@/lib/server/compat/score-email';

export const POST = handle(ScoringApi.email, async ({ body, principal }) => scoreEmail(body, principal));
