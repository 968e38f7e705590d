// Bundles the extension, the CLI and the webview scripts with esbuild. Type checking is `tsc --noEmit` (npm run typecheck).
// Usage: node scripts/build.mjs [--watch] [--dev]   (--dev: no minification, inline source maps)
import * as esbuild from 'esbuild';
import { readFileSync, existsSync } from 'fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const dev = process.argv.includes('--dev');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  define: { __MLPROJECT_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  // markdown-it's full HTML entity table is 75 KB; the bundles use a small decoder (see entitiesLite.ts).
  alias: { entities: './src/core/brief/entitiesLite.ts' },
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node18' },
  // The webview imports uPlot's CSS: esbuild writes it next to the bundle, as dist/dashboard.css.
  ...(existsSync('media/dashboard/main.ts')
    ? [{ ...common, entryPoints: ['media/dashboard/main.ts'], outfile: 'dist/dashboard.js', platform: 'browser', format: 'iife', target: 'es2020' }]
    : []),
].filter((b) => existsSync(b.entryPoints[0]));

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching', builds.map((b) => b.outfile).join(', '));
} else {
  const t0 = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`built ${builds.map((b) => b.outfile).join(', ')} in ${Date.now() - t0} ms`);
}
