// The vigil CLI: ./vigil <command> … (or npm run vigil -- …); ./vigil runs the bundle of this file (scripts/build-cli.mjs).
import { CliError } from './cli/errors';

type Command = { run(argv: string[]): Promise<number>; summary: string };

/** Database commands may wait for a running web's or worker's write, as the worker does. */
async function waitForLocks() {
  const { configureDb, WORKER_SQLITE_BUSY_TIMEOUT_MS } = await import('../lib/server/platform/db');
  configureDb({ sqliteBusyTimeoutMs: WORKER_SQLITE_BUSY_TIMEOUT_MS });
}

const COMMANDS: Record<string, () => Promise<Command>> = {
  token: async () => (await waitForLocks(), { ...(await import('./cli/token')), summary: 'create | list | revoke API tokens' }),
  user: async () => (await waitForLocks(), { ...(await import('./cli/user')), summary: 'create | set-role | disable | reset-password users' }),
  train: async () => ({ ...(await import('./cli/train')), summary: 'train a model from a labelled CSV' }),
  score: async () => ({ ...(await import('./cli/score')), summary: 'score a CSV with a model file' }),
  eval: async () => ({ ...(await import('./cli/eval')), summary: 'evaluate a model file on a labelled CSV' }),
};

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    console.error(`usage: ./vigil <${Object.keys(COMMANDS).join('|')}> …`);
    return 2;
  }
  const command = await load();
  return command.run(rest);
}

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    const usage = err instanceof CliError || (err as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS');
    console.error(`vigil: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(usage ? 2 : 1);
  });
