// Bundles the extension, the CLI (a dispatcher and one bundle per command) and the webview scripts with esbuild
// (options in scripts/bundles.mjs). Type checking is `tsc --noEmit` (npm run typecheck).
// Usage: node scripts/build.mjs [--watch] [--dev]   (--dev: no minification, inline source maps)
import * as esbuild from 'esbuild';
import { bundleOptions } from './bundles.mjs';
import { writeCliCodeCaches } from './cliCodeCache.mjs';

const dev = process.argv.includes('--dev');
const watch = process.argv.includes('--watch');
const builds = bundleOptions({ dev });
const outputs = builds.map((b) => b.outfile ?? `${b.outdir}/*`).join(', ');

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching', outputs);
} else {
  const t0 = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  // The V8 code caches of the read-only CLI commands, made from the bundles just written (a rebuild in watch mode
  // leaves them stale, and src/cli/bundleLoader.ts then ignores them).
  const caches = writeCliCodeCaches();
  console.log(`built ${outputs}${caches.length ? ` and ${caches.length} code caches` : ''} in ${Date.now() - t0} ms`);
}
