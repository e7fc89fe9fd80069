// vigil token create --name <name> --role <role> [--expires-days N] | token list | token revoke <id>
// `create` prints the secret once, alone on the last line of stdout, so scripts can capture it.
import { parseArgs } from 'node:util';
import { Role } from '@/lib/schemas/common';
import { CreateTokenInput } from '@/lib/schemas/tokens';
import { env } from '@/lib/server/platform/env';
import { migrate } from '@/lib/server/platform/migrations';
import { createToken, listTokens, revokeToken } from '@/lib/server/access/tokens';
import { CliError } from './errors';

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  await migrate(env().DATABASE_URL);
  if (sub === 'create') {
    const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, role: { type: 'string' }, 'expires-days': { type: 'string' } }, strict: true });
    const parsed = CreateTokenInput.safeParse({
      name: values.name,
      role: values.role,
      ...(values['expires-days'] ? { expiresInDays: Number(values['expires-days']) } : {}),
    });
    if (!parsed.success) throw new CliError(`token create needs --name and --role (${Role.options.join('|')}): ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    const created = await createToken(parsed.data, null);
    console.log(`Created token "${created.name}" (${created.role}, id ${created.id}). It is shown once; store it now:`);
    console.log(created.token);
    return 0;
  }
  if (sub === 'list') {
    for (const t of await listTokens()) console.log([t.id, t.prefix + '…', t.name, t.role, t.revokedAt ? 'revoked' : 'active'].join('\t'));
    return 0;
  }
  if (sub === 'revoke' && rest[0]) {
    const t = await revokeToken(rest[0], null);
    console.log(`Revoked ${t.name} (${t.id}).`);
    return 0;
  }
  throw new CliError('usage: vigil token create --name <name> --role <role> | token list | token revoke <id>');
}
