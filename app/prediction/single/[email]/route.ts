import { z } from 'zod';
import { EmailAddress } from '@/lib/schemas/scoring';
import { requireScope } from '@/lib/server/auth';
import { predictEmailTask } from '@/lib/server/compat/scoring';
import { json, parseWith, route } from '@/lib/server/http';

const Params = z.object({ email: z.string().transform((s) => decodeURIComponent(s)).pipe(EmailAddress) });

/** Seed 000: POST /prediction/single/{email} → { task_id }. */
export const POST = route<{ params: Promise<{ email: string }> }>(async (req, ctx) => {
  await requireScope(req, 'score:test');
  const { email } = parseWith(Params, await ctx.params, 'Path');
  return json(await predictEmailTask(email));
});
