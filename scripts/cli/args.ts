// Tiny argv parsing shared by the train/score/eval subcommands, with one-line errors and exit codes.

import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A user-facing failure: one line on stderr, exit code 2 (bad input), never a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) { super(message); this.name = 'CliError'; }
}

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCli(argv: string[], options: OptionSpec, positionals: { count: number; usage: string }): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    // node's messages are multi-line and mention internals; keep the first line only.
    const first = (e as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '');
    throw new CliError(`${first.charAt(0).toLowerCase()}${first.slice(1)} (see --help)`);
  }
  if (parsed.values.help) throw new CliError(`usage: ${positionals.usage}`, 0);
  if (parsed.positionals.length !== positionals.count) {
    throw new CliError(`expected ${positionals.count} file argument${positionals.count > 1 ? 's' : ''}, got ${parsed.positionals.length}; usage: ${positionals.usage}`);
  }
  return { values: parsed.values as Parsed['values'], positionals: parsed.positionals };
}

export function requireString(values: Parsed['values'], name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new CliError(`--${name} is required`);
  return v;
}

export function optionalNumber(values: Parsed['values'], name: string, min: number, max: number): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isFinite(n) || n < min || n > max) throw new CliError(`--${name} must be a number in [${min}, ${max}]`);
  return n;
}

/** 'rounds=200,learningRate=0.05' → { rounds: '200', learningRate: '0.05' } (validated later by zod). */
export function parseParams(s: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s) return out;
  for (const part of s.split(',').map((x) => x.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new CliError(`--params: expected key=value, got '${part}'`);
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

/** Runs a subcommand body: known failures become one stderr line and exit 2, anything else exit 1. */
export async function runSafely(body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    const err = e as Error & { code?: string; exitCode?: number };
    if (err instanceof CliError) {
      (err.exitCode === 0 ? process.stdout : process.stderr).write(`${err.message}\n`);
      return err.exitCode;
    }
    const known = ['DataError', 'ParamError', 'RowLimitError', 'CsvError'].includes(err?.name) || err?.code?.startsWith?.('CSV_')
      || /missing column|not found|feature layout/.test(err?.message ?? '');
    process.stderr.write(`error: ${err?.message?.split('\n')[0] ?? String(e)}\n`);
    return known ? 2 : 1;
  }
}
