// Types of scripts/bundles.mjs for the TypeScript that imports it (bench/bundleParts.ts, the CLI bundle's test).
import type { BuildOptions } from 'esbuild';

export function bundleOptions(options?: { dev?: boolean }): BuildOptions[];
export function cliCommandModules(): string[];
