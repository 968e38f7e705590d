// Bundles the extension-host tests: test/editor/host/*.ts -> out/test/editorHost/*.js (index.js + *.test.js).
// `vscode` comes from the extension host, `mocha` from the repo's node_modules at run time.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'test/editor/host');
const outDir = path.join(root, 'out/test/editorHost');
const entryPoints = fs.readdirSync(srcDir).filter((f) => f.endsWith('.ts')).map((f) => path.join(srcDir, f));

fs.rmSync(outDir, { recursive: true, force: true });
await build({
  entryPoints, outdir: outDir, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
  external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning',
});
console.log(`editor host tests: ${entryPoints.length} file(s) bundled to ${path.relative(root, outDir)}/`);
