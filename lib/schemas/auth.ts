import { z } from 'zod';
import { safeString } from './common';

export const LoginInput = z.object({
  email: z.email().max(200),
  password: safeString(200).min(1),
});
export type LoginInput = z.infer<typeof LoginInput>;
