// Types of scripts/cliCodeCache.mjs for the TypeScript that imports it (the code cache's unit test).
export function codeCacheHeader(source: string, nodeVersion?: string): string;
export function writeCodeCache<T = any>(file: string, train?: (exports: T) => Promise<void>): Promise<void>;
export function writeCliCodeCaches(outDir?: string): string[];
