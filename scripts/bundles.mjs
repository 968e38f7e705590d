// The esbuild options of the bundles (the extension, the CLI, the dashboard webview), shared by the build
// (scripts/build.mjs) and the benchmark's look at what the extension bundle is made of (bench/bundleParts.ts).
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

// The CLI is split so a command loads only its own code: dist/cli.js (the `bin`) is the dispatcher (usage, version,
// the command table), and every module the command table imports dynamically is a bundle of its own,
// dist/cli/<module>.js, loaded when that command runs (src/cli/bundleLoader.ts, from the V8 code cache that
// scripts/cliCodeCache.mjs writes for check and status). `mlproject check` then never compiles the evaluation
// runner, the run history, the brief writer or jstat.
const CLI_COMMANDS = 'src/cli/commands/index.ts';
const CLI_COMMANDS_OUT = 'dist/cli';
// The dispatcher tells a usage error from a crash with `instanceof` (src/cli/main.ts): the classes it tests must be
// the very ones the command's code throws, so the modules defining them are bundled once, in dist/cli/shared.js,
// and the dispatcher and every command require that one file instead of holding copies of their own.
const CLI_SHARED = ['src/cli/io.ts', 'src/core/workspace/realPaths.ts'];
const CLI_SHARED_OUT = `${CLI_COMMANDS_OUT}/shared.js`;
const LOADER = './src/cli/bundleLoader.ts';

/** The modules src/cli/commands/index.ts loads on demand (`import('./check')` …): one CLI bundle each. */
export function cliCommandModules() {
  const text = readFileSync(path.join(ROOT, CLI_COMMANDS), 'utf8');
  return [...new Set([...text.matchAll(/\bimport\(\s*'\.\/([\w-]+)'\s*\)/g)].map((m) => m[1]))];
}

/** Resolves the split's seams in a CLI bundle written to the folder `outDir` (relative to the repository). */
function cliSplit(outDir) {
  const fromOut = (target) => {
    const rel = path.posix.relative(outDir, target);
    return rel.startsWith('.') ? rel : `./${rel}`;
  };
  const index = path.join(ROOT, CLI_COMMANDS);
  const shared = new Set(CLI_SHARED.map((f) => path.join(ROOT, f.replace(/\.ts$/, ''))));
  return {
    name: 'cli-split',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        // A command module imported on demand by the table: its bundle, loaded when the import runs by
        // src/cli/bundleLoader.ts (from the bundle's V8 code cache when the build made one). esbuild would keep an
        // external `import()` as is, and Node's import() of a CommonJS file is the slower path.
        if (args.kind === 'dynamic-import' && args.importer === index) {
          return { path: fromOut(`${CLI_COMMANDS_OUT}/${path.basename(args.path)}.js`), namespace: 'cli-command' };
        }
        if (shared.has(path.resolve(args.resolveDir, args.path).replace(/\.[jt]s$/, ''))) return { path: fromOut(CLI_SHARED_OUT), external: true };
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'cli-command' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(LOADER)}).loadBundle(__dirname, ${JSON.stringify(args.path)});`,
        resolveDir: ROOT,
        loader: 'js',
      }));
    },
  };
}

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
  const cli = { ...common, platform: 'node', format: 'cjs', target: 'node18' };
  const commandEntries = existsSync(path.join(ROOT, CLI_COMMANDS))
    ? Object.fromEntries(cliCommandModules().map((m) => [m, `src/cli/commands/${m}.ts`]))
    : {};
  // The source files a bundle is built from: a bundle is left out when they are not all there.
  const sources = (b) => (b.stdin ? CLI_SHARED : Object.values(b.entryPoints));
  return [
    { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] },
    { ...cli, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [cliSplit('dist')] },
    { ...cli, entryPoints: commandEntries, outdir: CLI_COMMANDS_OUT, plugins: [cliSplit(CLI_COMMANDS_OUT)] },
    {
      ...cli,
      stdin: { contents: CLI_SHARED.map((f) => `export * from './${f.replace(/\.ts$/, '')}';`).join('\n'), resolveDir: ROOT, sourcefile: 'cli-shared.ts', loader: 'ts' },
      outfile: CLI_SHARED_OUT,
    },
    // The webview imports uPlot's CSS: esbuild writes it next to the bundle, as dist/dashboard.css.
    { ...common, entryPoints: ['media/dashboard/main.ts'], outfile: 'dist/dashboard.js', platform: 'browser', format: 'iife', target: 'es2020' },
  ].filter((b) => sources(b).length > 0 && sources(b).every((f) => existsSync(f)));
}
