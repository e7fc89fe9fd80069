// ./vigil and the bundle scripts/build-cli.mjs makes: the bundled CLI scores exactly as the TypeScript sources do
// (email features included, so the inlined disposable-domain list is exercised), a stale bundle is rebuilt, and
// without a bundle the launcher falls back to tsx.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createRng } from '@/lib/ml/rng';
import { run as scoreRun } from '@/scripts/cli/score';

const root = process.cwd();
const bundle = join(root, 'dist', 'cli', 'vigil.js');
const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-bundle-'));
const path = (f: string) => join(dir, f);
const vigil = (args: string[], cwd = root) => execFileSync(join(cwd, 'vigil'), args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Throwaway-mail domains (one exact, one under a wildcard) mark most of the fraud, so the model uses that feature. */
function emailCsv(n: number): string {
  const rng = createRng(12);
  const word = () => rng.pick(['anna', 'bob', 'carla', 'dan', 'eve', 'frank', 'gina']);
  const lines = ['email,label'];
  for (let i = 0; i < n; i++) {
    const fraud = rng.next() < 0.3;
    const domain = fraud ? rng.pick(['mailinator.com', 'mailinator.com', 'gmail.com']) : rng.pick(['gmail.com', 'yahoo.fr', 'acme.org']);
    lines.push(`${word()}.${word()}${rng.int(100)}@${domain},${fraud ? 1 : 0}`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-cli.mjs', '--quiet'], { cwd: root });
  writeFileSync(path('emails.csv'), emailCsv(5000));
}, 60_000);

describe('./vigil (bundled CLI)', () => {
  it('trains and scores through the bundle exactly as the sources score', async () => {
    vigil(['train', path('emails.csv'), '--label', 'label', '--params', 'rounds=30', '--out', path('email.json')]);
    vigil(['score', path('email.json'), path('emails.csv'), '--out', path('bundle.csv')]);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await scoreRun([path('email.json'), path('emails.csv'), '--out', path('source.csv')])).toBe(0);
    vi.restoreAllMocks();
    const bundled = readFileSync(path('bundle.csv'), 'utf8');
    expect(bundled.trim().split('\n')).toHaveLength(5001);
    expect(bundled).toBe(readFileSync(path('source.csv'), 'utf8'));
    // The disposable domain drives the score: were the inlined list empty, these rows would score like gmail ones.
    const scores = (domain: string) => bundled.split('\n').filter((l) => l.includes(`@${domain},`)).map((l) => Number(l.split(',')[2]));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(scores('mailinator.com'))).toBeGreaterThan(mean(scores('gmail.com')) + 0.3);
  }, 120_000);

  it('rebuilds a bundle older than its sources', () => {
    const old = new Date(Date.now() - 3600_000 * 24 * 365 * 5);
    utimesSync(bundle, old, old);
    const r = spawnSync(join(root, 'vigil'), ['nope'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: ./vigil <');
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(Date.now() - 600_000);
  }, 60_000);

  it('falls back to tsx when there is no bundle', () => {
    // A copy of the launcher in an empty tree: build-cli there cannot build, so scripts/vigil.ts runs through tsx.
    const tree = path('tree');
    mkdirSync(join(tree, 'scripts'), { recursive: true });
    copyFileSync(join(root, 'vigil'), join(tree, 'vigil'));
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
    writeFileSync(join(tree, 'scripts', 'build-cli.mjs'), 'process.exit(0);\n');
    writeFileSync(join(tree, 'scripts', 'vigil.ts'), 'const n: number = process.argv.length - 2;\nconsole.log(`tsx ${n}`);\n');
    expect(vigil(['a', 'b c'], tree).trim()).toBe('tsx 2');
  }, 60_000);
});
