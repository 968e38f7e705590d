// Loads a command's bundle (dist/cli/<name>.js) for the bundled dispatcher (the build wires the command table's
// imports to loadBundle: scripts/bundles.mjs). When the build left a V8 code cache beside the bundle
// (<name>.js.cache, written by scripts/cliCodeCache.mjs) that was made from this very file by this Node version, the
// bundle is compiled from it: its functions arrive compiled instead of being parsed and compiled on their first
// call, about 20 of the ~60 ms a cold `mlproject check` adds to a bare Node start. (Node 20 has no
// module.enableCompileCache.) Without a cache, or with one made from another build, it is an ordinary require.
import { createHash } from 'crypto';
import { existsSync, readFileSync } from 'fs';
import Module, { createRequire } from 'module';
import * as path from 'path';
import * as vm from 'vm';

/** What a code cache file's name adds to its bundle's. */
export const CODE_CACHE_SUFFIX = '.cache';

/**
 * The first line of a code cache file: the Node version and a SHA-1 of the bundle's source it was made from. V8
 * itself only checks the source's length, so a cache outliving a rebuild must be told apart here; a digest of the
 * content (not the file's size and time, which a copy or an archive changes) keeps a cache for as long as the very
 * same bundle is there. (scripts/cliCodeCache.mjs writes the same line.)
 */
export function codeCacheHeader(source: string, nodeVersion = process.version): string {
  return `mlproject-code-cache ${nodeVersion} ${createHash('sha1').update(source).digest('hex')}\n`;
}

/** The V8 code cache beside `file`, when there is one made from this very source by this Node; else undefined. */
export function readCodeCache(file: string, source?: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file + CODE_CACHE_SUFFIX);
  } catch {
    return undefined;
  }
  const header = codeCacheHeader(source ?? readFileSync(file, 'utf8'));
  return data.subarray(0, header.length).toString('latin1') === header ? data.subarray(header.length) : undefined;
}

/**
 * Compiles a CommonJS file as Node's own loader does (the same wrapper and file name, so that a code cache made
 * from one fits the other), from `cachedData` when given; V8 compiles from the source when it refuses the cache
 * (`script.cachedDataRejected`).
 */
export function compileBundle(file: string, cachedData?: Buffer, source = readFileSync(file, 'utf8')): vm.Script {
  return new vm.Script(Module.wrap(source), { filename: file, cachedData });
}

/** Runs a compiled bundle as the module `file` (registered in require.cache, as `require` would) and gives its exports. */
export function runBundle(script: vm.Script, file: string): unknown {
  const mod = new Module(file, module) as NodeJS.Module;
  mod.filename = file;
  require.cache[file] = mod;
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

/** The exports of the bundle at `rel` from `dir`, compiled from its code cache when a fitting one is there. */
export function loadBundle(dir: string, rel: string): unknown {
  const file = path.join(dir, rel);
  const loaded = require.cache[file];
  if (loaded) return loaded.exports;
  if (!existsSync(file + CODE_CACHE_SUFFIX)) return require(file);
  const source = readFileSync(file, 'utf8');
  const cachedData = readCodeCache(file, source);
  return cachedData ? runBundle(compileBundle(file, cachedData, source), file) : require(file);
}
