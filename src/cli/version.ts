// The package version, replaced at bundle time by esbuild's `define` (and read from package.json under tsx).
declare const __MLPROJECT_VERSION__: string | undefined;
export const VERSION: string = typeof __MLPROJECT_VERSION__ === 'string' ? __MLPROJECT_VERSION__ : '0.0.0-dev';
