// The esbuild options of the three bundles (the extension, the CLI, the dashboard webview), shared by the build
// (scripts/build.mjs) and the benchmark's look at what the extension bundle is made of (bench/bundleParts.ts).
import { existsSync, readFileSync } from 'fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The build options of each bundle whose entry point exists; `dev`: no minification, inline source maps. */
export function bundleOptions({ dev = false } = {}) {
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
  return [
    { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] },
    { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node18' },
    // The webview imports uPlot's CSS: esbuild writes it next to the bundle, as dist/dashboard.css.
    { ...common, entryPoints: ['media/dashboard/main.ts'], outfile: 'dist/dashboard.js', platform: 'browser', format: 'iife', target: 'es2020' },
  ].filter((b) => existsSync(b.entryPoints[0]));
}
