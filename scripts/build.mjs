// Bundles the extension, the CLI (a dispatcher and one bundle per command) and the webview scripts with esbuild
// (options in scripts/bundles.mjs). Type checking is `tsc --noEmit` (npm run typecheck).
// Usage: node scripts/build.mjs [--watch] [--dev]   (--dev: no minification, inline source maps)
import * as esbuild from 'esbuild';
import { bundleOptions } from './bundles.mjs';

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
  console.log(`built ${outputs} in ${Date.now() - t0} ms`);
}
