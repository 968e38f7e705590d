// The command bundles' V8 code caches: what scripts/cliCodeCache.mjs writes, src/cli/bundleLoader.ts accepts, and
// only for the very file it was made from (V8 itself compares no more than the source's length).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CODE_CACHE_SUFFIX, codeCacheHeader, compileBundle, loadBundle, readCodeCache } from '../../../src/cli/bundleLoader';
import { codeCacheHeader as writersHeader, writeCodeCache } from '../../../scripts/cliCodeCache.mjs';
import { tempDir } from '../helpers/plans';

const REPO = path.resolve(__dirname, '../../..');

/** A two-file CommonJS "bundle" whose answer is `word`, and its code cache made after one call. */
async function bundleWithCache(dir: string, word: string): Promise<string> {
  writeFileSync(path.join(dir, 'dep.js'), 'exports.suffix = "!";\n');
  const file = path.join(dir, 'a.js');
  writeFileSync(file, `const { suffix } = require('./dep.js');\nexports.answer = (n) => '${word}'.repeat(n) + suffix;\n`);
  await writeCodeCache(file, async (exports: { answer(n: number): string }) => { exports.answer(2); });
  return file;
}

test('the builder and the loader write and read the same header line: the Node version and a digest of the source', () => {
  assert.equal(writersHeader('exports.x = 1;\n', 'v20.1.2'), codeCacheHeader('exports.x = 1;\n', 'v20.1.2'));
  assert.match(codeCacheHeader('exports.x = 1;\n'), new RegExp(`^mlproject-code-cache ${process.version.replace(/\./g, '\\.')} [0-9a-f]{40}\n$`));
  assert.notEqual(codeCacheHeader('exports.x = 1;\n'), codeCacheHeader('exports.x = 2;\n'));
});

test('a bundle is compiled from the cache made from it, and runs as a module registered in require.cache', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = await bundleWithCache(dir, 'ab');
    const cache = readCodeCache(file);
    assert.ok(cache && cache.length > 0);
    assert.equal(compileBundle(file, cache).cachedDataRejected, false);
    const m = loadBundle(dir, 'a.js') as { answer(n: number): string };
    assert.equal(m.answer(3), 'ababab!');
    assert.equal(require.cache[file]?.exports, m);
    assert.equal(loadBundle(dir, 'a.js'), m, 'a second load gives the same module');
  } finally {
    cleanup();
  }
});

test('a cache is not used once its bundle was rebuilt (even to the same length), nor when made by another Node', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = await bundleWithCache(dir, 'ab');
    const cacheFile = file + CODE_CACHE_SUFFIX;
    const before = statSync(file);
    const oldSource = readFileSync(file, 'utf8');
    // The rebuilt bundle answers differently with a source of the very same length, and even the same time.
    writeFileSync(file, oldSource.replace("'ab'", "'cd'"));
    utimesSync(file, before.atime, before.mtime);
    assert.equal(statSync(file).size, before.size);
    assert.equal(readCodeCache(file), undefined);
    assert.equal((loadBundle(dir, 'a.js') as { answer(n: number): string }).answer(1), 'cd!');

    const v8data = readFileSync(cacheFile).subarray(codeCacheHeader(oldSource).length);
    const source = readFileSync(file, 'utf8');
    writeFileSync(cacheFile, Buffer.concat([Buffer.from(codeCacheHeader(source, 'v0.0.1')), v8data]));
    assert.equal(readCodeCache(file), undefined);
    writeFileSync(cacheFile, Buffer.concat([Buffer.from(codeCacheHeader(source)), v8data]));
    assert.ok(readCodeCache(file), 'the same data with a fitting header is read');
  } finally {
    cleanup();
  }
});

test('a bundle without a cache is an ordinary require', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(path.join(dir, 'plain.js'), 'exports.x = 42;\n');
    assert.equal(readCodeCache(path.join(dir, 'plain.js')), undefined);
    assert.equal((loadBundle(dir, 'plain.js') as { x: number }).x, 42);
  } finally {
    cleanup();
  }
});

const builtCheck = path.join(REPO, 'dist/cli/check.js');
test('the build leaves check and status a code cache this Node accepts', { skip: !existsSync(builtCheck) && 'dist/cli is not built (npm run build)' }, () => {
  for (const name of ['check', 'status']) {
    const file = path.join(REPO, 'dist/cli', `${name}.js`);
    const cache = readCodeCache(file);
    assert.ok(cache, `${name}: a cache that fits the bundle`);
    assert.equal(compileBundle(file, cache).cachedDataRejected, false, name);
  }
});
