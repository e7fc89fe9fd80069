import { z } from 'zod';
import { safeString } from '@/lib/schemas/common';
import { EmailAddress } from '@/lib/schemas/scoring';
import { requireScope } from '@/lib/server/auth';
import { predictEmailTask } from '@/lib/server/compat/scoring';
import { json, parseWith, route } from '@/lib/server/http';

// Clients may percent-encode the address twice; a second decode that fails is the client's error, not ours.
const Params = z.object({
  email: safeString(1000)
    .transform((s, ctx) => {
      try {
        return decodeURIComponent(s);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'The address is not valid percent-encoding.' });
        return z.NEVER;
      }
    })
    .pipe(EmailAddress),
});

/** Seed 000: POST /prediction/single/{email} → { task_id }. */
export const POST = route<{ params: Promise<{ email: string }> }>(async (req, ctx) => {
  await requireScope(req, 'score:test');
  const { email } = parseWith(Params, await ctx.params, 'Path');
  return json(await predictEmailTask(email));
});
