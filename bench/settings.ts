// The benchmark run's shared settings, read once when the bench starts: its command-line options (--quick,
// --no-docs, --json <file>), the GC hook from --expose-gc, the fixed inputs (plan sizes, PRNG seed, the "today" the
// check sees), the load average at start, yaml-language-server's fixed validation debounce, and `log` (progress
// goes to stderr, the result tables to stdout). bench/measure.ts, bench/report.ts and bench/run.ts import these
// rather than passing them around.
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './engines';

const args = process.argv.slice(2);
/** --quick: fewer rounds (a smoke test, not for publishing); docs/performance.md is then never written. */
export const QUICK = args.includes('--quick');
/** not --no-docs: rewrite docs/performance.md (full runs only). */
export const WRITE_DOCS = !args.includes('--no-docs');
/** --json <file>: also write the raw results there. */
export const JSON_OUT = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

/** A full GC between phases; undefined without `node --expose-gc`. */
export const gc = (globalThis as { gc?: () => void }).gc;
export const TODAY = '2026-06-01';
export const SIZES = [200, 20_000];
export const SEED = 1;
/** yaml-language-server waits this long after a change before validating (yamlSettings.validationDelayMs). */
export const YAMLLS_DEBOUNCE_MS = readYamlLsDebounce();

export const log = (s: string): void => void process.stderr.write(s + '\n');
export const LOAD_AT_START = os.loadavg();

function readYamlLsDebounce(): number | undefined {
  // 1.x ships it under out/server/src, 2.x under out/src.
  for (const dir of ['out/server/src', 'out/src']) {
    try {
      const src = readFileSync(path.join(REPO_ROOT, 'node_modules/yaml-language-server', dir, 'yamlSettings.js'), 'utf8');
      const m = /validationDelayMs\s*=\s*(\d+)/.exec(src);
      if (m) return Number(m[1]);
    } catch {
      // not in this layout
    }
  }
  return undefined;
}
