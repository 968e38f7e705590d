// What the extension bundle is made of: esbuild's metafile of the same build (scripts/bundles.mjs), its output bytes
// grouped by npm package or by source folder (src/core/runs, src/extension/plan…), largest first. Written into the
// fix text of the bundle-size target, so it names today's largest parts, not those of the day it was written.
import * as esbuild from 'esbuild';
import { REPO_ROOT } from './engines';

export interface BundlePart {
  /** an npm package name, or a folder of the repository such as `src/core/runs` */
  name: string;
  bytes: number;
}

function groupOf(input: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg) return pkg[1];
  const parts = input.split('/');
  return parts.slice(0, parts[0] === 'src' ? 3 : 2).join('/');
}

/** The extension bundle's parts, largest first. */
export async function bundleParts(): Promise<BundlePart[]> {
  const { bundleOptions } = await import('../scripts/bundles.mjs');
  const options = bundleOptions().find((b) => b.outfile === 'dist/extension.js');
  if (!options) return [];
  const result = await esbuild.build({ ...options, absWorkingDir: REPO_ROOT, metafile: true, write: false, logLevel: 'silent' });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  const bytes = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const group = groupOf(input);
    bytes.set(group, (bytes.get(group) ?? 0) + bytesInOutput);
  }
  return [...bytes].map(([name, b]) => ({ name, bytes: b })).sort((a, b) => b.bytes - a.bytes);
}
