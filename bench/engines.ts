// Loads the engines the benchmark compares. The mlproject check (src/core/check.ts) and the history summary
// (src/core/runs/compare.ts) are loaded at run time, when present, so that the harness runs (and says what is not
// available) while those modules are still being written. Nothing here fakes a number for a missing engine.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, RuleConfig } from '../src/core/types';
import type { WorkspaceFs } from '../src/core/workspace/workspaceFs';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const SCHEMA_PATH = path.join(REPO_ROOT, 'schemas/mlproject.schema.json');

export interface CheckOptions {
  fs: WorkspaceFs;
  config?: RuleConfig;
  today?: string;
}
export type CheckPlanText = (text: string, options: CheckOptions) => Promise<{ diagnostics: Diagnostic[] }>;
/** The incremental checker, when src/core/check.ts offers one. */
export interface Checker {
  update(text: string): Promise<{ diagnostics: Diagnostic[] }> | { diagnostics: Diagnostic[] };
}
export type CreateChecker = (options: CheckOptions) => Checker;

export type Loaded<T> = { ok: true; value: T } | { ok: false; reason: string };

function tryRequire(rel: string): Loaded<Record<string, unknown>> {
  const base = path.join(REPO_ROOT, rel);
  if (!existsSync(base + '.ts') && !existsSync(base + '.js')) return { ok: false, reason: `${rel}.ts does not exist yet` };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return { ok: true, value: require(base) as Record<string, unknown> };
  } catch (e) {
    return { ok: false, reason: `${rel}.ts failed to load: ${(e as Error).message.split('\n')[0]}` };
  }
}

export function loadCheck(): Loaded<{ checkPlanText: CheckPlanText; createChecker?: CreateChecker }> {
  const m = tryRequire('src/core/check');
  if (!m.ok) return m;
  if (typeof m.value.checkPlanText !== 'function') return { ok: false, reason: 'src/core/check.ts does not export checkPlanText' };
  return {
    ok: true,
    value: {
      checkPlanText: m.value.checkPlanText as CheckPlanText,
      createChecker: typeof m.value.createChecker === 'function' ? (m.value.createChecker as CreateChecker) : undefined,
    },
  };
}

export type SummariseHistory = (runs: unknown[], plan: unknown) => unknown;

export function loadSummarise(): Loaded<SummariseHistory> {
  const m = tryRequire('src/core/runs/compare');
  if (!m.ok) return m;
  if (typeof m.value.summariseHistory !== 'function') return { ok: false, reason: 'src/core/runs/compare.ts does not export summariseHistory' };
  return { ok: true, value: m.value.summariseHistory as SummariseHistory };
}

/** yaml-language-server's own validation service, in this process (no LSP, no debounce). */
export interface InProcessYamlLs {
  validate(uri: string, version: number, text: string): Promise<Array<{ range: { start: { line: number } }; message: string }>>;
}

export async function loadYamlLsInProcess(): Promise<Loaded<InProcessYamlLs>> {
  if (!existsSync(path.join(REPO_ROOT, 'node_modules/yaml-language-server/package.json'))) {
    return { ok: false, reason: 'yaml-language-server is not installed (npm install --no-save yaml-language-server@1)' };
  }
  try {
    // A dynamic import loads it whether the installed major is CommonJS (1.x) or ESM (2.x).
    const ls: any = await import('yaml-language-server' as string);
    const td: any = await import('vscode-languageserver-textdocument' as string);
    const service = ls.getLanguageService({
      schemaRequestService: async (uri: string) => readFileSync(fileURLToPath(uri), 'utf8'),
      workspaceContext: { resolveRelativePath: (rel: string, resource: string) => new URL(rel, resource).href },
      telemetry: { send() {}, sendError() {}, sendTrack() {} },
      clientCapabilities: {},
    });
    service.configure({ validate: true, hover: false, completion: false, format: false, customTags: [], yamlVersion: '1.2' });
    return {
      ok: true,
      value: {
        validate: (uri, version, text) => service.doValidation(td.TextDocument.create(uri, 'yaml', version, text), false),
      },
    };
  } catch (e) {
    return { ok: false, reason: `yaml-language-server failed to load in-process: ${(e as Error).message.split('\n')[0]}` };
  }
}
