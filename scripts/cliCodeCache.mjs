// Writes V8 code caches beside the CLI's read-only command bundles (dist/cli/check.js.cache, status.js.cache), for
// src/cli/bundleLoader.ts, which compiles a bundle from its cache when the cache was made from that very file by the
// same Node. Each cache is made in a fresh `node` (no flags, so V8 accepts it in a plain `node dist/cli.js`) after the
// command has run over the example projects, so that it holds every function a check compiles, not only the
// bundle's top level. A bundle without a cache still works: it is then compiled as usual.
// Usage: node scripts/cliCodeCache.mjs            (after the build; scripts/build.mjs runs it)
//        node scripts/cliCodeCache.mjs <bundle> <command> <example>...   (the child that makes one cache)
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'fs';
import Module, { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';
import * as vm from 'vm';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SUFFIX = '.cache';
// The commands that only read (so running them at build time changes nothing) and what they run over: the example
// with problems in every phase, so that the rules' and the messages' code is compiled too. Not genre-tagger, the
// plan the benchmark times (bench/measureCliSizesHistory.ts): the cache must speed up any plan, not the one measured.
const TRAINING = {
  check: ['examples/in-trouble'],
  status: ['examples/in-trouble'],
};

/** The first line of a cache file; src/cli/bundleLoader.ts (codeCacheHeader) reads the same line. */
export function codeCacheHeader(source, nodeVersion = process.version) {
  return `mlproject-code-cache ${nodeVersion} ${createHash('sha1').update(source).digest('hex')}\n`;
}

/**
 * Compiles `file` as Node's loader does (same wrapper, same file name: what bundleLoader.ts compiles), runs it as a
 * module, awaits `train(exports)` and writes the code cache of everything compiled so far to `file` + .cache.
 */
export async function writeCodeCache(file, train = async () => {}) {
  const source = readFileSync(file, 'utf8');
  const script = new vm.Script(Module.wrap(source), { filename: file });
  const mod = new Module(file);
  mod.filename = file;
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  await train(mod.exports);
  writeFileSync(file + SUFFIX, Buffer.concat([Buffer.from(codeCacheHeader(source), 'latin1'), script.createCachedData()]));
}

/** Runs `command`'s handler over each example (from the repository, output discarded). */
async function runExamples(exports, command, examples) {
  const io = { cwd: ROOT, env: {}, isTTY: false, stdout: () => {}, stderr: () => {} };
  for (const example of examples) await exports[command]([example], io);
}

/** Makes the cache of each trained command bundle in `outDir`, each in a child `node`; returns the files written. */
export function writeCliCodeCaches(outDir = path.join(ROOT, 'dist/cli')) {
  const written = [];
  for (const [command, examples] of Object.entries(TRAINING)) {
    const bundle = path.join(outDir, `${command}.js`);
    rmSync(bundle + SUFFIX, { force: true });
    const present = examples.filter((e) => existsSync(path.join(ROOT, e)));
    if (!existsSync(bundle) || present.length === 0) continue;
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), bundle, command, ...present], { cwd: ROOT, env, encoding: 'utf8' });
    if (r.status === 0) written.push(bundle + SUFFIX);
    else console.warn(`cliCodeCache: no code cache for ${path.relative(ROOT, bundle)}: ${(r.stderr || r.error?.message || '').trim().split('\n')[0]}`);
  }
  return written;
}

// (No top-level await: the unit tests load this file as CommonJS.)
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [bundle, command, ...examples] = process.argv.slice(2);
  if (bundle) {
    writeCodeCache(path.resolve(bundle), (exports) => runExamples(exports, command, examples)).catch((e) => {
      console.error(e?.stack ?? String(e));
      process.exitCode = 1;
    });
  } else console.log(`wrote ${writeCliCodeCaches().map((f) => path.relative(ROOT, f)).join(', ') || 'no code cache'}`);
}
