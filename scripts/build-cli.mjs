#!/usr/bin/env node
// postinstall (and ./vigil when the bundle is stale): bundle the CLI into dist/cli/ so `./vigil` starts without
// transpiling TypeScript. npm packages stay external; the training workers get their own bundles beside vigil.js
// because lib/ml/tree.ts workerScript() loads `./<name>.js` next to the calling module.
// Never fails the install: without esbuild, ./vigil keeps running scripts/vigil.ts through tsx.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'cli');
const quiet = process.argv.includes('--quiet');

/** Whether Node's ESM loader finds `specifier` as written (its resolver does not check that the file exists). */
function resolvesAsEsm(specifier) {
  try {
    const url = import.meta.resolve(specifier);
    return !url.startsWith('file:') || statSync(fileURLToPath(url)).isFile();
  } catch {
    return false;
  }
}

/**
 * Marks bare package imports external (like packages: 'external'), except those matching `inline`. A subpath of
 * a package without an exports map (next/server) gets its file extension, as Node's ESM loader requires.
 */
function externalPackagesExcept(inline) {
  return {
    name: 'external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./@]|^@[^/]/ }, (a) => {
        if (inline.test(a.path)) return undefined;
        let file = '';
        if (!resolvesAsEsm(a.path)) {
          try {
            file = createRequire(path.join(a.resolveDir || root, 'x.js')).resolve(a.path);
          } catch { /* left for the run-time loader to report */ }
        }
        const ext = path.extname(file);
        const needsExt = ext && file.endsWith(`${a.path}${ext}`);
        return { path: needsExt ? `${a.path}${ext}` : a.path, external: true };
      });
    },
  };
}

/** Inlines JSON as JSON.parse('…'): V8 reads a 2.4 MB string far faster than the same data as an array literal. */
const jsonAsParsedString = {
  name: 'json-as-parsed-string',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, (a) => ({
      contents: `export default JSON.parse(${JSON.stringify(readFileSync(a.path, 'utf8'))});`,
      loader: 'js',
    }));
  },
};

async function build() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    if (!quiet) console.warn('build-cli: esbuild not installed; ./vigil will run through tsx');
    return false;
  }
  mkdirSync(outdir, { recursive: true });
  // Outputs are ESM with a .js extension (what workerScript() asks for).
  writeFileSync(path.join(outdir, 'package.json'), '{ "type": "module" }\n');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: {
      vigil: 'scripts/vigil.ts',
      'histogram-helper': 'lib/ml/histogram-helper.ts',
      'forest-worker': 'lib/ml/forest-worker.ts',
    },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // npm packages load from node_modules at run time, except the disposable-domain list: it is JSON, which
    // Node's ESM loader will not import without an import attribute, so it is inlined.
    plugins: [externalPackagesExcept(/^disposable-email-domains(\/|$)/), jsonAsParsedString],
    // Commands load lazily (dynamic import): separate chunks keep `score` from loading the database modules.
    splitting: true,
    chunkNames: '[name]-[hash]',
    // Bundled CommonJS helpers may call require().
    banner: { js: "import { createRequire as __vigilRequire } from 'node:module'; const require = __vigilRequire(import.meta.url);" },
    metafile: true,
    logLevel: quiet ? 'error' : 'warning',
  });
  // Source files the bundle was built from, so ./vigil can tell when it is stale.
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/') && !f.includes(':'));
  writeFileSync(path.join(outdir, 'inputs.txt'), `${inputs.join('\n')}\n`);
  if (!quiet) console.log(`build-cli: bundled the CLI into ${path.relative(root, outdir)}/ (${inputs.length} source files)`);
  return true;
}

build().catch((err) => {
  console.warn(`build-cli: bundling failed (${err instanceof Error ? err.message : String(err)}); ./vigil will run through tsx`);
});
