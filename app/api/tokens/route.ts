import { CreateTokenInput } from '@/lib/schemas/tokens';
import { requireScope } from '@/lib/server/auth';
import { json, readJson, route } from '@/lib/server/http';
import { createToken, listTokens } from '@/lib/server/tokens';

export const GET = route(async (req) => {
  await requireScope(req, 'tokens:manage');
  return json({ tokens: await listTokens() });
});

export const POST = route(async (req) => {
  const who = await requireScope(req, 'tokens:manage');
  const input = await readJson(req, CreateTokenInput, 10_000);
  return json(await createToken(input, who), 201);
});
