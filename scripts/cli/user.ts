// vigil user create --email <e> --name <n> --role <r> [--password <p>] | set-role <email> <role> | disable <email> | reset-password <email>
// A generated or reset password is printed once, alone on the last line of stdout, and must be changed at first sign-in.
import { parseArgs } from 'node:util';
import { Role } from '@/lib/schemas/common';
import { CreateUserInput } from '@/lib/schemas/users';
import { createUserAsAdmin, findUserIdByEmail, resetPassword, updateUser } from '@/lib/server/access/users-admin';
import { env } from '@/lib/server/platform/env';
import { ApiError } from '@/lib/server/platform/http';
import { migrate } from '@/lib/server/platform/migrations';
import { CliError } from './errors';

const USAGE = `usage: vigil user create --email <email> --name <name> --role <${Role.options.join('|')}> [--password <password>]
       vigil user set-role <email> <role> | user disable <email> | user reset-password <email>`;

const problems = (issues: { path: PropertyKey[]; message: string }[]) => issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');

async function subcommand(sub: string | undefined, rest: string[]): Promise<number> {
  if (sub === 'create') {
    const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } }, strict: true });
    const parsed = CreateUserInput.safeParse(values);
    if (!parsed.success) throw new CliError(`user create: ${problems(parsed.error.issues)}`);
    const { user, temporaryPassword } = await createUserAsAdmin(parsed.data, null);
    console.log(`Created ${user.email} (${user.role}, id ${user.id}).`);
    if (temporaryPassword) {
      console.log('Temporary password (shown once; it must be changed at first sign-in):');
      console.log(temporaryPassword);
    }
    return 0;
  }
  if (sub === 'set-role' && rest.length === 2) {
    const role = Role.safeParse(rest[1]);
    if (!role.success) throw new CliError(`user set-role: the role must be one of ${Role.options.join(', ')}`);
    const user = await updateUser(await findUserIdByEmail(rest[0]), { role: role.data }, null);
    console.log(`${user.email} is now ${user.role}.`);
    return 0;
  }
  if (sub === 'disable' && rest.length === 1) {
    const user = await updateUser(await findUserIdByEmail(rest[0]), { disabled: true }, null);
    console.log(`Disabled ${user.email}: their sessions ended and the API tokens they created are revoked.`);
    return 0;
  }
  if (sub === 'reset-password' && rest.length === 1) {
    const { user, temporaryPassword } = await resetPassword(await findUserIdByEmail(rest[0]), null);
    console.log(`Reset the password of ${user.email}; their sessions ended. Temporary password (shown once; it must be changed at first sign-in):`);
    console.log(temporaryPassword);
    return 0;
  }
  throw new CliError(USAGE);
}

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  await migrate(env().DATABASE_URL);
  try {
    return await subcommand(sub, rest);
  } catch (err) {
    // Not found, last admin, duplicate email: the service's message is written for people already.
    if (err instanceof ApiError && err.status < 500) throw new CliError(`user ${sub}: ${err.message}`);
    throw err;
  }
}
